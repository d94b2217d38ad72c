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

/**
 * A failure the console reports as one line on stderr and an exit code. The message is printed as is (after
 * {@link Redaction#redact}), so it says what failed, then gives context in brackets.
 */
public final class ConsoleException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ExitCode exitCode;

    public ConsoleException(ExitCode exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public ConsoleException(ExitCode exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public ExitCode exitCode() {
        return exitCode;
    }

    static ConsoleException usage(String message) {
        return new ConsoleException(ExitCode.USAGE, message);
    }
}
