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

import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * An open connection to one JVM's MBean server. {@link #open} attaches to a local JVM by pid (starting its local
 * management agent, as jconsole does) or connects to a JMX service URL, within a time limit. Failures become a
 * {@link ConsoleException} with {@link ExitCode#CANNOT_CONNECT} whose message never shows credentials.
 */
public final class JmxSession implements AutoCloseable {
    private final String description;
    private final MBeanServerConnection server;
    private final JMXConnector connector;

    private JmxSession(String description, MBeanServerConnection server, JMXConnector connector) {
        this.description = description;
        this.server = server;
        this.connector = connector;
    }

    /** Opens a session without credentials or TLS. */
    public static JmxSession open(Target target, long timeoutMillis) {
        return open(target, timeoutMillis, RemoteSecurity.NONE);
    }

    /**
     * Opens a session; for a remote target with {@code security}'s credentials and TLS (the password is read, or
     * asked for, before the time limit starts). A refused login is {@link ExitCode#AUTHENTICATION_FAILED}.
     */
    public static JmxSession open(Target target, long timeoutMillis, RemoteSecurity security) {
        if (target instanceof Target.Pid pid) {
            if (pid.pid() == ProcessHandle.current().pid()) {
                // the Attach API refuses to attach to itself; this JVM's beans are right here
                return new JmxSession(target.describe(), ManagementFactory.getPlatformMBeanServer(), null);
            }
            AttachGuard.refusal(pid.pid()).ifPresent(reason -> {
                throw new ConsoleException(ExitCode.CANNOT_CONNECT,
                        "cannot connect to " + target.describe() + " [" + reason + "]");
            });
            String address = withTimeout(target, timeoutMillis, () -> localConnectorAddress(pid.pid()));
            return connect(target, address, timeoutMillis, Map.of());
        }
        if (target instanceof Target.ServiceUrl url) {
            return connect(target, url.url(), timeoutMillis, ConnectorEnvironment.of(security, System.console()));
        }
        if (target instanceof Target.HostPort hostPort) {
            return connect(target, hostPort.serviceUrl(), timeoutMillis,
                    ConnectorEnvironment.of(security, System.console()));
        }
        throw new IllegalArgumentException("not a single JVM: " + target.describe());
    }

    /**
     * Attaches to a local JVM and returns the address of its local management agent, starting it if need be.
     * Call only after {@link AttachGuard#refusal} allowed the pid.
     */
    static String localConnectorAddress(long pid) throws Exception {
        VirtualMachine vm = VirtualMachine.attach(String.valueOf(pid));
        try {
            return vm.startLocalManagementAgent();
        } finally {
            vm.detach();
        }
    }

    private static JmxSession connect(Target target, String url, long timeoutMillis, Map<String, ?> environment) {
        JMXConnector connector = withTimeout(target, timeoutMillis,
                () -> JMXConnectorFactory.connect(new JMXServiceURL(url), environment));
        try {
            return new JmxSession(target.describe(), connector.getMBeanServerConnection(), connector);
        } catch (IOException e) {
            closeQuietly(connector);
            throw cannotConnect(target, e);
        }
    }

    /** Runs a blocking step on a daemon thread, so a JVM or network that never answers cannot hang the console. */
    static <T> T withTimeout(Target target, long timeoutMillis, Callable<T> step) {
        FutureTask<T> task = new FutureTask<>(step);
        Thread thread = new Thread(task, "jmx-console-connect");
        thread.setDaemon(true);
        thread.start();
        try {
            return task.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw cannotConnect(target, e.getCause());
        } catch (TimeoutException e) {
            task.cancel(true);
            throw new ConsoleException(ExitCode.CANNOT_CONNECT,
                    "cannot connect to " + target.describe() + " [no answer within " + timeoutMillis + " ms]");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConsoleException(ExitCode.CANNOT_CONNECT,
                    "cannot connect to " + target.describe() + " [interrupted]");
        }
    }

    static ConsoleException cannotConnect(Target target, Throwable cause) {
        if (cause instanceof SecurityException) {
            // the JMX authenticator's verdict ("Authentication failed! ...", "Credentials required"): no secrets
            return new ConsoleException(ExitCode.AUTHENTICATION_FAILED,
                    "authentication failed for " + target.describe() + " [" + Failures.reason(cause) + "]", cause);
        }
        return new ConsoleException(ExitCode.CANNOT_CONNECT,
                "cannot connect to " + target.describe() + " [" + Failures.reason(cause) + "]", cause);
    }

    /** What this session talks to, safe to print. */
    public String description() {
        return description;
    }

    public MBeanServerConnection server() {
        return server;
    }

    public StompestMBeans mbeans() {
        return new StompestMBeans(server);
    }

    @Override
    public void close() {
        closeQuietly(connector);
    }

    private static void closeQuietly(JMXConnector connector) {
        if (connector != null) {
            try {
                connector.close();
            } catch (IOException | RuntimeException e) {
                // the JVM may already be gone; nothing to report
            }
        }
    }
}
