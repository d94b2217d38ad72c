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

import java.util.Arrays;
import java.util.Optional;

/**
 * The options, each declared once with its flag, value name, default and help. {@link CommandLine} parses them and
 * prints the help from this table, so the two cannot drift apart.
 */
public enum Option {
    PID(Group.TARGET, "--pid", null, "PID", null, "attach to a local JVM by process id (Attach API)"),
    URL(Group.TARGET, "--url", null, "URL", null,
            "JMX service URL, e.g. service:jmx:rmi:///jndi/rmi://host:9010/jmxrmi"),
    HOST(Group.TARGET, "--host", null, "HOST", "localhost", "JMX RMI registry host, used with --port"),
    PORT(Group.TARGET, "--port", null, "PORT", null,
            "JMX RMI registry port: service:jmx:rmi:///jndi/rmi://HOST:PORT/jmxrmi"),
    USER(Group.REMOTE, "--user", null, "NAME", null,
            "log in as NAME; the password is asked for without echo, or read from --password-file"),
    PASSWORD_FILE(Group.REMOTE, "--password-file", null, "PATH", null,
            "read the password from the first line of PATH (never give it on the command line)"),
    SSL(Group.REMOTE, "--ssl", null, null, null,
            "use TLS to the RMI registry and the connector (jmxremote.ssl and jmxremote.registry.ssl)"),
    TRUSTSTORE(Group.REMOTE, "--truststore", null, "PATH", null,
            "with --ssl, trust the certificates in PATH (PKCS12 or JKS) instead of javax.net.ssl.trustStore"),
    TRUSTSTORE_PASSWORD_FILE(Group.REMOTE, "--truststore-password-file", null, "PATH", null,
            "read the --truststore password from the first line of PATH"),
    JSON(Group.GENERAL, "--json", null, null, null, "print JSON instead of text"),
    INTERVAL(Group.WATCH, "--interval", null, "MS", "1000", "milliseconds between redraws"),
    COUNT(Group.WATCH, "--count", null, "N", "0", "stop after N redraws; 0 = until interrupted"),
    ANSI(Group.WATCH, "--ansi", null, null, null, "redraw in place (ANSI) even when stdout is not a terminal"),
    TIMEOUT(Group.GENERAL, "--timeout", null, "MS", "10000", "give up attaching or connecting after MS milliseconds"),
    HELP(Group.GENERAL, "--help", "-h", null, null, "print this help and exit");

    /**
     * Where the option is listed in the help; WATCH options are refused by the other commands, REMOTE ones by
     * every target but --url and --host/--port.
     */
    enum Group { TARGET, REMOTE, GENERAL, WATCH }

    private final Group group;
    private final String flag;
    private final String shortFlag;
    private final String valueName;
    private final String defaultValue;
    private final String help;

    Option(Group group, String flag, String shortFlag, String valueName, String defaultValue, String help) {
        this.group = group;
        this.flag = flag;
        this.shortFlag = shortFlag;
        this.valueName = valueName;
        this.defaultValue = defaultValue;
        this.help = help;
    }

    Group group() {
        return group;
    }

    public String flag() {
        return flag;
    }

    /** The one-dash alias, or null. */
    public String shortFlag() {
        return shortFlag;
    }

    /** The name of the value in the help, or null for a flag that takes none. */
    public String valueName() {
        return valueName;
    }

    /** The value used when the option is absent, or null when there is none. */
    public String defaultValue() {
        return defaultValue;
    }

    public String help() {
        return help;
    }

    public boolean takesValue() {
        return valueName != null;
    }

    /** Whether the option only makes sense for a remote target (a service URL or host and port). */
    public boolean remoteOnly() {
        return group == Group.REMOTE;
    }

    /** Whether the option only makes sense for {@code watch}. */
    public boolean watchOnly() {
        return group == Group.WATCH;
    }

    static Optional<Option> byFlag(String flag) {
        return Arrays.stream(values()).filter(o -> o.flag.equals(flag) || flag.equals(o.shortFlag)).findFirst();
    }
}
