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

/** Which JVM to talk to. {@link #describe()} is safe to print: it never shows credentials. */
public sealed interface Target {

    /** A printable name for messages, with any credentials redacted. */
    String describe();

    /** A local JVM, reached through the Attach API and its local management agent. */
    record Pid(long pid) implements Target {
        @Override
        public String describe() {
            return "pid " + pid;
        }
    }

    /** A JMX service URL such as {@code service:jmx:rmi:///jndi/rmi://host:9010/jmxrmi}. */
    record ServiceUrl(String url) implements Target {
        @Override
        public String describe() {
            return Redaction.redact(url);
        }

        @Override
        public String toString() {
            return "ServiceUrl[" + describe() + "]";
        }
    }

    /** An RMI registry host and port, the {@code com.sun.management.jmxremote.port} of the JVM. */
    record HostPort(String host, int port) implements Target {
        public String serviceUrl() {
            String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
            return "service:jmx:rmi:///jndi/rmi://" + h + ":" + port + "/jmxrmi";
        }

        @Override
        public String describe() {
            return Redaction.redact(serviceUrl());
        }
    }

    /** No target given: look for local JVMs that have stompest connections. */
    record LocalJvms() implements Target {
        @Override
        public String describe() {
            return "local JVMs";
        }
    }
}
