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
package org.stompest.client.jmx;

import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.management.InstanceAlreadyExistsException;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stompest.client.StompConnection;

/**
 * Registers one {@link StompConnectionMXBean} per {@link StompConnection} in the platform MBean server, as
 * {@code org.stompest:type=Connection,name=<id>} (the id quoted when it holds characters an object name does not
 * allow unquoted).
 *
 * <p>{@link StompConnection} calls {@link #register} when it is created (so a connection whose broker is down at
 * startup shows its state and errors) and {@link #unregister} on close.
 * Both are idempotent, and neither ever throws: monitoring must not break a connection, so a JMX failure is logged
 * at WARN.
 *
 * <p>The bean emits {@link javax.management.Notification}s of the types below; the source is the object name,
 * the message says what happened and names the broker, the user data is a {@code Map<String,String>} with
 * {@code from}, {@code to} (states) and {@code broker}.
 */
public final class ConnectionMBeans {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionMBeans.class);

    public static final String DOMAIN = "org.stompest";

    /** Entered CONNECTED (first connect or reconnect). */
    public static final String CONNECTED = "stompest.connection.connected";
    /** Left CONNECTED without being asked to disconnect. */
    public static final String LOST = "stompest.connection.lost";
    /** Entered RECONNECTING: the failover loop runs. */
    public static final String RECONNECTING = "stompest.connection.reconnecting";
    /** Entered CONNECTED on a different broker than the previous session's (follows {@link #CONNECTED}). */
    public static final String FAILED_OVER = "stompest.connection.failedover";
    /** Entered CLOSED. */
    public static final String CLOSED = "stompest.connection.closed";
    /** Entered FAILED: the failover loop gave up. */
    public static final String FAILED = "stompest.connection.failed";

    static final String[] NOTIFICATION_TYPES = {CONNECTED, LOST, RECONNECTING, FAILED_OVER, CLOSED, FAILED};

    private static final Map<StompConnection, ConnectionMonitor> REGISTERED = new ConcurrentHashMap<>();

    private ConnectionMBeans() {
    }

    /** {@code org.stompest:type=Connection,name=<id>} of a connection. */
    public static ObjectName objectName(StompConnection connection) {
        return objectName(connection.id());
    }

    /** {@code org.stompest:type=Connection,name=<id>}, the id quoted if needed. */
    public static ObjectName objectName(String id) {
        try {
            return new ObjectName(DOMAIN + ":type=Connection,name=" + quoteIfNeeded(id));
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException("Bad connection id for an object name [id=" + id + "]", e);
        }
    }

    /**
     * Registers the connection's MXBean in the platform MBean server, unless it is already; returns its name.
     * A stale bean of the same name (a connection that was never unregistered) is replaced.
     */
    public static ObjectName register(StompConnection connection) {
        ObjectName name = objectName(connection);
        synchronized (REGISTERED) { // registration is rare; the lock keeps register/unregister pairs in order
            if (REGISTERED.containsKey(connection)) {
                return name;
            }
            if (connection.state() == StompConnection.State.CLOSED) {
                // closed meanwhile: its unregister may already have run, so registering now would leak the bean
                return name;
            }
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            ConnectionMonitor monitor = new ConnectionMonitor(connection, name);
            try {
                try {
                    server.registerMBean(bean(monitor), name);
                } catch (InstanceAlreadyExistsException e) {
                    LOG.warn("Replacing a stale MBean [name={}]", name);
                    unregisterQuietly(server, name);
                    server.registerMBean(bean(monitor), name);
                }
                REGISTERED.put(connection, monitor);
                LOG.debug("Registered MBean [name={}]", name);
            } catch (JMException | RuntimeException e) {
                monitor.deactivate();
                LOG.warn("Could not register MBean [name={}]: {}", name, e.toString());
            }
            return name;
        }
    }

    private static DescribedMXBean<StompConnectionMXBean> bean(ConnectionMonitor monitor) {
        return new DescribedMXBean<>(monitor, StompConnectionMXBean.class, monitor);
    }

    /** Unregisters the connection's MXBean if it is registered. */
    public static void unregister(StompConnection connection) {
        synchronized (REGISTERED) {
            ConnectionMonitor monitor = REGISTERED.remove(connection);
            if (monitor == null) {
                return;
            }
            monitor.deactivate();
            unregisterQuietly(ManagementFactory.getPlatformMBeanServer(), monitor.name());
            LOG.debug("Unregistered MBean [name={}]", monitor.name());
        }
    }

    /** Whether {@link #register} registered this connection and {@link #unregister} has not yet removed it. */
    public static boolean isRegistered(StompConnection connection) {
        return REGISTERED.containsKey(connection);
    }

    private static void unregisterQuietly(MBeanServer server, ObjectName name) {
        try {
            server.unregisterMBean(name);
        } catch (InstanceNotFoundException e) {
            // already gone
        } catch (JMException | RuntimeException e) {
            LOG.warn("Could not unregister MBean [name={}]: {}", name, e.toString());
        }
    }

    static String quoteIfNeeded(String value) {
        if (value.isEmpty()) {
            return ObjectName.quote(value);
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '=' || c == ':' || c == '"' || c == '*' || c == '?' || c == '\n') {
                return ObjectName.quote(value);
            }
        }
        return value;
    }
}
