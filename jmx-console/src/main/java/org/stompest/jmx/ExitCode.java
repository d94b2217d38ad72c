/*
 * Copyright 2026 the stompest for Java authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package org.stompest.jmx;

/** The process exit codes of {@code jmx-console}; each failure kind has its own. */
public enum ExitCode {
    OK(0, "success"),
    INTERNAL_ERROR(1, "unexpected error (a bug)"),
    USAGE(2, "bad command line"),
    CANNOT_CONNECT(3, "cannot attach or connect to the JVM, or lost it"),
    NO_CONNECTIONS(4, "the JVM has no stompest connections"),
    NO_SUCH_CONNECTION(5, "no stompest connection with that name"),
    OPERATION_FAILED(6, "the reconnect or disconnect operation failed"),
    AUTHENTICATION_FAILED(7, "the JVM refused the credentials (wrong or missing --user and password)");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }
}
