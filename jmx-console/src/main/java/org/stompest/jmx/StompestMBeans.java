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

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.management.Attribute;
import javax.management.InstanceNotFoundException;
import javax.management.IntrospectionException;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanException;
import javax.management.MBeanServerConnection;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import javax.management.ReflectionException;
import javax.management.RuntimeMBeanException;
import javax.management.RuntimeOperationsException;

/**
 * Reads and drives the stompest connection MXBeans of one MBean server, by object name and attribute name only.
 * Object names are {@code org.stompest:type=Connection,name=<id>}. {@link IOException} means the JVM went away;
 * the caller reports it.
 */
public final class StompestMBeans {
    public static final String DOMAIN = "org.stompest";
    public static final String TYPE = "Connection";
    /** Every stompest connection MXBean. */
    public static final ObjectName PATTERN = parse(DOMAIN + ":type=" + TYPE + ",*");

    private final MBeanServerConnection server;

    public StompestMBeans(MBeanServerConnection server) {
        this.server = server;
    }

    /** The object name of the connection with this id, quoting the id when it needs it. */
    public static ObjectName objectName(String name) {
        boolean plain = name.chars().noneMatch(c -> ",=:\"*?\n\\".indexOf(c) >= 0);
        return parse(DOMAIN + ":type=" + TYPE + ",name=" + (plain ? name : ObjectName.quote(name)));
    }

    /** The {@code name} key of an object name, unquoted; the whole object name when it has none. */
    public static String displayName(ObjectName objectName) {
        String name = objectName.getKeyProperty("name");
        if (name == null) {
            return objectName.toString();
        }
        if (name.startsWith("\"")) {
            try {
                return ObjectName.unquote(name);
            } catch (IllegalArgumentException e) {
                return name;
            }
        }
        return name;
    }

    /** The object names of all stompest connections, sorted by display name. */
    public List<ObjectName> names() throws IOException {
        List<ObjectName> names = new ArrayList<>(server.queryNames(PATTERN, null));
        names.sort(Comparator.comparing(StompestMBeans::displayName).thenComparing(ObjectName::toString));
        return names;
    }

    /** A view of every stompest connection, sorted by name; connections that vanish while reading are left out. */
    public List<ConnectionView> readAll() throws IOException {
        List<ConnectionView> views = new ArrayList<>();
        for (ObjectName name : names()) {
            try {
                views.add(read(name));
            } catch (InstanceNotFoundException e) {
                // closed between the query and the read
            }
        }
        return views;
    }

    /** A view of one connection: the contract attributes, then any others its MBeanInfo lists. */
    public ConnectionView read(ObjectName name) throws IOException, InstanceNotFoundException {
        Set<String> wanted = new LinkedHashSet<>(Attributes.CONTRACT);
        try {
            for (MBeanAttributeInfo info : server.getMBeanInfo(name).getAttributes()) {
                if (info.isReadable()) {
                    wanted.add(info.getName());
                }
            }
        } catch (IntrospectionException | ReflectionException e) {
            // read the contract attributes only
        }
        Map<String, Object> values = new LinkedHashMap<>();
        try {
            for (Attribute a : server.getAttributes(name, wanted.toArray(String[]::new)).asList()) {
                values.put(a.getName(), a.getValue());
            }
        } catch (ReflectionException e) {
            // nothing readable: every attribute shows as missing
        }
        return ConnectionView.of(name, values);
    }

    /**
     * The object name for what the user typed: the {@code name} key of one of the stompest connections or, failing
     * that, a full object name such as {@code org.stompest:type=Connection,name=c-1}.
     */
    public ObjectName resolve(String nameOrObjectName) throws IOException {
        List<ObjectName> names = names();
        if (names.isEmpty()) {
            throw new ConsoleException(ExitCode.NO_CONNECTIONS, "no stompest connections");
        }
        for (ObjectName n : names) {
            if (displayName(n).equals(nameOrObjectName)) {
                return n;
            }
        }
        if (nameOrObjectName.contains(":")) {
            try {
                ObjectName wanted = new ObjectName(nameOrObjectName);
                for (ObjectName n : names) {
                    if (n.equals(wanted)) {
                        return n;
                    }
                }
            } catch (MalformedObjectNameException e) {
                // not an object name either
            }
        }
        throw new ConsoleException(ExitCode.NO_SUCH_CONNECTION, "no such connection: " + nameOrObjectName
                + " [connections: " + names.stream().map(StompestMBeans::displayName)
                        .collect(Collectors.joining(", ")) + "]");
    }

    /** Invokes a no-argument operation, such as {@code reconnect} or {@code disconnect}. */
    public void invoke(ObjectName name, String operation) throws IOException {
        String who = displayName(name);
        try {
            server.invoke(name, operation, new Object[0], new String[0]);
        } catch (InstanceNotFoundException e) {
            throw new ConsoleException(ExitCode.NO_SUCH_CONNECTION, "no such connection: " + who);
        } catch (MBeanException | ReflectionException | RuntimeMBeanException | RuntimeOperationsException e) {
            throw new ConsoleException(ExitCode.OPERATION_FAILED,
                    operation + "() failed on " + who + " [" + Failures.reason(e) + "]", e);
        }
    }

    private static ObjectName parse(String text) {
        try {
            return new ObjectName(text);
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
