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
package org.stompest.client.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Debian's RabbitMQ (3.10, with the {@code rabbitmq_stomp} and {@code rabbitmq_web_stomp} plugins) as a plain child
 * process on loopback ports of its own: no systemd, no container. Every path it writes (HOME and its Erlang cookie,
 * Mnesia, logs, config, enabled plugins) is under {@code target/rabbitmq-<port>}, the node name is unique per
 * instance, and its Erlang port mapper (epmd) listens on a port of its own and is ended with it.
 * <ol>
 * <li>{@link #start()} launches {@code rabbitmq-server} and waits (up to 60 s; it takes about 8 s on 2 cores) until
 * its STOMP port answers a CONNECT with CONNECTED. When RabbitMQ is not installed or does not come up, it throws an
 * {@link IllegalStateException} with the reason and the end of the broker's log: tests that need it fail, they do
 * not skip. {@code .ci/run} installs the package.</li>
 * <li>{@link #close()} runs {@code rabbitmqctl stop} under the same environment, waits for the process, then ends
 * epmd ({@code epmd -kill}); the process is destroyed if it does not stop in time.</li>
 * <li>{@link #kill()} ends the node and its children with SIGKILL (a crash); {@link #restart()} starts it again with
 * the same node name, Mnesia directory and ports, so durable queues and persistent messages come back.</li>
 * <li>{@link #addUser(String, String)} adds a user with every permission on {@code /} through {@code rabbitmqctl}.</li>
 * <li>{@link #declareDurably(Map, String...)} declares durable queues and stops and starts the node, so that the
 * declarations are on disk before a {@link #kill()}: RabbitMQ 3.10 may lose a queue declared just before a SIGKILL,
 * with every message it confirmed (README, RabbitMQ notes).</li>
 * </ol>
 * The virtual host is {@code /} (RabbitMQ refuses an empty {@code host} header); guest/guest works from loopback.
 */
public final class RabbitMqProcess implements AutoCloseable {
    /** Where Debian's package puts the scripts that run without systemd. */
    static final Path BIN = Paths.get("/usr/lib/rabbitmq/bin");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final int stompPort = FreePorts.find();
    private final int webStompPort = FreePorts.find();
    private final int amqpPort = FreePorts.find();
    private final int distPort = FreePorts.find();
    private final int epmdPort;
    private final String node = "rabbit-" + stompPort + "@localhost";
    private final Path dir = Paths.get("target", "rabbitmq-" + stompPort).toAbsolutePath();
    /** The Erlang cookie file that the nodes of a cluster share; null: each node makes its own. */
    private final Path cookie;
    private Process process;

    /** A single node with an epmd of its own. */
    public RabbitMqProcess() {
        this(FreePorts.find(), null);
    }

    private RabbitMqProcess(int epmdPort, Path cookie) {
        this.epmdPort = epmdPort;
        this.cookie = cookie;
    }

    /**
     * {@code size} nodes, not started, that can form a cluster: one epmd port and one Erlang cookie (the file
     * {@code target/rabbitmq-cluster-<epmd port>.cookie}, copied into each node's HOME); node names, data and the
     * other ports are each node's own. Start them, then {@link #joinCluster(RabbitMqProcess)} each to the first.
     * epmd ends with the last node closed (it refuses {@code -kill} while nodes are registered).
     */
    public static List<RabbitMqProcess> cluster(int size) {
        int epmd = FreePorts.find();
        Path cookie = Paths.get("target", "rabbitmq-cluster-" + epmd + ".cookie").toAbsolutePath();
        try {
            Files.createDirectories(cookie.getParent());
            Files.writeString(cookie, "STOMPESTCLUSTER" + epmd);
        } catch (IOException e) {
            throw new IllegalStateException("Could not write the Erlang cookie " + cookie + ": " + e.getMessage(), e);
        }
        List<RabbitMqProcess> nodes = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            nodes.add(new RabbitMqProcess(epmd, cookie));
        }
        return List.copyOf(nodes);
    }

    /**
     * Makes this running node a member of {@code seed}'s cluster ({@code rabbitmqctl stop_app}, {@code join_cluster},
     * {@code start_app}) and waits until its STOMP port answers again; throws with rabbitmqctl's output when a step
     * fails.
     */
    public RabbitMqProcess joinCluster(RabbitMqProcess seed) {
        ctl("stop_app");
        ctl("join_cluster", seed.node());
        ctl("start_app");
        awaitConnect("after joining " + seed.node());
        return this;
    }

    /** Starts the broker, or throws naming why it could not. */
    public synchronized RabbitMqProcess start() {
        if (process != null) {
            throw new IllegalStateException("RabbitMQ already started on STOMP port " + stompPort);
        }
        Path server = BIN.resolve("rabbitmq-server");
        if (!Files.isExecutable(server)) {
            throw new IllegalStateException("RabbitMQ is not installed: " + server + " is missing (Debian package"
                    + " rabbitmq-server; .ci/run installs it: apt-get install -y rabbitmq-server)");
        }
        try {
            Files.createDirectories(dir.resolve("home"));
            Files.createDirectories(dir.resolve("log"));
            Files.writeString(dir.resolve("rabbitmq.conf"), String.join("\n",
                    "listeners.tcp.default = 127.0.0.1:" + amqpPort,
                    "stomp.listeners.tcp.1 = 127.0.0.1:" + stompPort,
                    "web_stomp.tcp.port = " + webStompPort,
                    "web_stomp.tcp.ip = 127.0.0.1",
                    // binary WebSocket frames, else bodies that are not UTF-8 break the text frames it sends
                    "web_stomp.ws_frame = binary",
                    "loopback_users.guest = true", ""));
            Files.writeString(dir.resolve("enabled_plugins"), "[rabbitmq_stomp,rabbitmq_web_stomp].\n");
            Path homeCookie = dir.resolve("home").resolve(".erlang.cookie");
            if (cookie != null && !Files.exists(homeCookie)) {
                // Erlang refuses a cookie file that others may read
                Files.copy(cookie, homeCookie);
                Files.setPosixFilePermissions(homeCookie, PosixFilePermissions.fromString("r--------"));
            }
            ProcessBuilder builder = new ProcessBuilder(server.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            dir.resolve("log").resolve("console.log").toFile()));
            builder.environment().putAll(environment());
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("Could not launch RabbitMQ [" + server + "]: " + e.getMessage(), e);
        }
        awaitConnect("while starting");
        return this;
    }

    /** Waits until the STOMP port answers CONNECT; stops the node and throws naming why when it does not in time. */
    private void awaitConnect(String when) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        IOException last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                String log = logTail();
                stopEpmd();
                process = null;
                throw new IllegalStateException("RabbitMQ exited " + when + " [dir=" + dir + "]:\n" + log);
            }
            try {
                if (answersConnect()) {
                    return;
                }
            } catch (IOException e) {
                last = e;
            }
            try {
                process.waitFor(200, TimeUnit.MILLISECONDS); // returns at once if it dies
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        close();
        throw new IllegalStateException("RabbitMQ did not answer STOMP on port " + stompPort + " " + when + " within "
                + START_TIMEOUT.toSeconds() + " s [last=" + last + ", dir=" + dir + "]:\n" + logTail());
    }

    /** The environment that keeps every path and port of this node its own. */
    private Map<String, String> environment() {
        String erlArgs = "-kernel inet_dist_use_interface {127,0,0,1}";
        return Map.ofEntries(
                Map.entry("HOME", dir.resolve("home").toString()),
                Map.entry("RABBITMQ_MNESIA_BASE", dir.resolve("mnesia").toString()),
                Map.entry("RABBITMQ_LOG_BASE", dir.resolve("log").toString()),
                Map.entry("RABBITMQ_CONFIG_FILE", dir.resolve("rabbitmq.conf").toString()),
                Map.entry("RABBITMQ_ENABLED_PLUGINS_FILE", dir.resolve("enabled_plugins").toString()),
                Map.entry("RABBITMQ_NODENAME", node),
                Map.entry("RABBITMQ_NODE_IP_ADDRESS", "127.0.0.1"),
                Map.entry("RABBITMQ_DIST_PORT", Integer.toString(distPort)),
                Map.entry("ERL_EPMD_ADDRESS", "127.0.0.1"),
                Map.entry("ERL_EPMD_PORT", Integer.toString(epmdPort)),
                Map.entry("RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS", erlArgs),
                Map.entry("RABBITMQ_CTL_ERL_ARGS", erlArgs));
    }

    /** A raw STOMP 1.2 CONNECT on the STOMP port: true once it answers CONNECTED. */
    private boolean answersConnect() throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", stompPort), 1000);
            socket.setSoTimeout(2000);
            OutputStream out = socket.getOutputStream();
            out.write("CONNECT\naccept-version:1.2\nhost:/\nlogin:guest\npasscode:guest\n\n\0"
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] head = in.readNBytes(9);
            return new String(head, StandardCharsets.US_ASCII).equals("CONNECTED");
        }
    }

    private String logTail() {
        List<String> lines = new ArrayList<>();
        try (var files = Files.list(dir.resolve("log"))) {
            for (Path file : (Iterable<Path>) files::iterator) {
                List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
                lines.add("== " + file.getFileName());
                lines.addAll(all.subList(Math.max(0, all.size() - 20), all.size()));
            }
        } catch (IOException | RuntimeException e) {
            lines.add("(no log: " + e + ")");
        }
        return String.join("\n", lines);
    }

    /**
     * Declares each {@code /queue/} destination (a SUBSCRIBE declares a durable, non-exclusive queue), then stops the
     * node cleanly and starts it again. Killed with SIGKILL within moments of the declaration, RabbitMQ 3.10 came back
     * without the queue (or, for a quorum queue, empty) in about a third of the runs of
     * {@code RabbitMqKillFaultTest}'s reproduction, losing every message whose RECEIPT had come; a clean stop writes
     * the declarations out. {@code headers} go on every SUBSCRIBE (e.g. {@code x-queue-type:quorum}).
     */
    public RabbitMqProcess declareDurably(Map<String, String> headers, String... destinations) {
        Map<String, Map<String, String>> each = new java.util.LinkedHashMap<>();
        for (String destination : destinations) {
            each.put(destination, headers);
        }
        return declareDurably(each);
    }

    /** As {@link #declareDurably(Map, String...)}, each destination with headers of its own, one restart in all. */
    public RabbitMqProcess declareDurably(Map<String, Map<String, String>> destinations) {
        StringBuilder frames = new StringBuilder(
                "CONNECT\naccept-version:1.2\nhost:/\nlogin:guest\npasscode:guest\n\n\0");
        int id = 0;
        for (Map.Entry<String, Map<String, String>> destination : destinations.entrySet()) {
            frames.append("SUBSCRIBE\nid:").append(id).append("\ndestination:").append(destination.getKey())
                    .append('\n');
            destination.getValue().forEach((name, value) -> frames.append(name).append(':').append(value)
                    .append('\n'));
            frames.append("\n\0UNSUBSCRIBE\nid:").append(id++).append("\n\n\0");
        }
        frames.append("DISCONNECT\nreceipt:declared\n\n\0");
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", stompPort), 1000);
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(frames.toString().getBytes(StandardCharsets.UTF_8));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!answer.contains("receipt-id:declared") || answer.contains("ERROR")) {
                throw new IllegalStateException("RabbitMQ did not declare " + destinations.keySet() + " [node=" + node
                        + "]: " + answer.replace('\0', '|'));
            }
        } catch (IOException e) {
            throw new IllegalStateException("Could not declare " + destinations.keySet() + " [node=" + node + "]", e);
        }
        close();
        return start();
    }

    /**
     * Adds a user with every permission on virtual host {@code /} ({@code rabbitmqctl add_user} and
     * {@code set_permissions}, under this node's environment); throws with rabbitmqctl's output when it fails.
     */
    public synchronized RabbitMqProcess addUser(String name, String passcode) {
        if (process == null) {
            throw new IllegalStateException("RabbitMQ not running [node=" + node + "]: cannot add user " + name);
        }
        ctl("add_user", name, passcode);
        ctl("set_permissions", "-p", "/", name, ".*", ".*", ".*");
        return this;
    }

    /**
     * Runs {@code rabbitmqctl -n <node> args...} under this node's environment (e.g. {@code list_queues name type})
     * and returns its output; throws naming the command and its output unless it exits 0.
     */
    public String ctl(String... args) {
        List<String> command = new ArrayList<>(List.of(BIN.resolve("rabbitmqctl").toString(), "-n", node));
        command.addAll(List.of(args));
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().putAll(environment());
            Process ctl = builder.start();
            String output = new String(ctl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!ctl.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                ctl.destroyForcibly();
                throw new IllegalStateException("rabbitmqctl " + args[0] + " did not finish [node=" + node + "]");
            }
            if (ctl.exitValue() != 0) {
                throw new IllegalStateException("rabbitmqctl " + args[0] + " failed with exit code "
                        + ctl.exitValue() + " [node=" + node + "]: " + output.strip());
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("Could not run rabbitmqctl " + args[0] + " [node=" + node + "]", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted running rabbitmqctl " + args[0], e);
        }
    }

    /**
     * Kills the node with SIGKILL, its child processes first (erl_child_setup and the port programs), and waits until
     * they are gone. epmd keeps running, as it would on a real host: {@link #restart()} registers the node with it
     * again and {@link #close()} ends it.
     */
    public synchronized void kill() {
        if (process == null) {
            throw new IllegalStateException("RabbitMQ not running [node=" + node + "]: nothing to kill");
        }
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        all.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle handle : all) {
            try {
                handle.onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("RabbitMQ process " + handle.pid() + " still alive after SIGKILL", e);
            }
        }
        process = null;
    }

    /**
     * Starts the node again after {@link #kill()} or {@link #close()}: same node name, Mnesia directory and ports.
     * Returns {@link System#nanoTime()} at which its STOMP port answered CONNECT again.
     */
    public long restart() {
        start();
        return System.nanoTime();
    }

    /** Stops the node (rabbitmqctl stop), then its epmd. Idempotent, also after {@link #kill()}. */
    @Override
    public synchronized void close() {
        if (process == null) {
            stopEpmd();
            return;
        }
        try {
            ProcessBuilder ctl = new ProcessBuilder(BIN.resolve("rabbitmqctl").toString(), "-n", node, "stop")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("log").resolve("ctl.log").toFile()));
            ctl.environment().putAll(environment());
            Process stop = ctl.start();
            if (!stop.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                stop.destroyForcibly();
            }
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                destroyTree();
            }
        } catch (IOException e) {
            destroyTree();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            destroyTree();
        } finally {
            process = null;
            stopEpmd();
        }
    }

    private void destroyTree() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private void stopEpmd() {
        try {
            Process kill = new ProcessBuilder("epmd", "-port", Integer.toString(epmdPort), "-kill")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            kill.waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            // no epmd on PATH: nothing was started through it either
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public int port() {
        return stompPort;
    }

    /** The Erlang node name, {@code rabbit-<stomp port>@localhost}. */
    public String node() {
        return node;
    }

    /** The operating system process of the node (the Erlang VM), while it runs. */
    public synchronized java.util.Optional<ProcessHandle> processHandle() {
        return process == null ? java.util.Optional.empty() : java.util.Optional.of(process.toHandle());
    }

    /** {@code tcp://127.0.0.1:<stomp port>}; connect with virtual host {@code /}. */
    public String stompUri() {
        return "tcp://127.0.0.1:" + stompPort;
    }

    /** The Web STOMP endpoint, {@code ws://127.0.0.1:<port>/ws}. */
    public String webStompUri() {
        return "ws://127.0.0.1:" + webStompPort + "/ws";
    }

    @Override
    public String toString() {
        return "RabbitMqProcess[node=" + node + ", stomp=" + stompPort + "]";
    }
}
