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
package org.stompest.client.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback TCP proxy for fault injection: it listens on 127.0.0.1 (an ephemeral port) and forwards every accepted
 * connection to {@code target}, both ways, until told otherwise.
 * <pre>
 * try (TcpProxy proxy = TcpProxy.start(broker.port())) {
 *     config.failover(proxy.uri());
 *     proxy.stall();            // half-open: nothing forwarded any more, no FIN, no RST; sockets stay open
 *     proxy.cutMidFrame();      // the next chunk is forwarded only half, then both sides are reset (RST)
 *     proxy.latency(Duration.ofMillis(50));   // every chunk is held back this long, order kept
 *     proxy.heal();             // forward normally again (new connections; stalled ones stay dead)
 * }
 * </pre>
 * Each proxied connection ("link") has two directions; each direction has a reader thread (socket to a queue of
 * time-stamped chunks) and a writer thread (queue to the other socket, honouring the latency). A stall stops both
 * the readers and the writers of the links alive at that moment, so the peers' send buffers fill as they would on a
 * dead network path, and nothing is closed. {@link #blackhole(boolean)} makes later connections stall from the
 * start (the TCP handshake still succeeds, as it does for a frozen host behind a still-working NAT);
 * {@link #refuse(boolean)} closes them at once. Accept times are recorded ({@link #acceptTimes()}) so a test can
 * see how a client spaces its attempts.
 */
public final class TcpProxy implements AutoCloseable {
    private static final int CHUNK = 8 * 1024;

    private final InetSocketAddress target;
    private final ServerSocket server;
    private final Thread acceptor;
    private final List<Link> links = new CopyOnWriteArrayList<>();
    private final List<Long> acceptTimes = new CopyOnWriteArrayList<>();
    private final AtomicInteger linkCount = new AtomicInteger();
    private final AtomicLong bytesForwarded = new AtomicLong();
    private volatile long latencyNanos;
    private volatile boolean blackhole;
    private volatile boolean refuse;
    private volatile boolean closed;

    private TcpProxy(InetSocketAddress target) throws IOException {
        this.target = target;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::accept, "tcp-proxy-accept-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A proxy on 127.0.0.1 and a free port forwarding to 127.0.0.1:{@code targetPort}. */
    public static TcpProxy start(int targetPort) {
        try {
            return new TcpProxy(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort));
        } catch (IOException e) {
            throw new IllegalStateException("Could not open the proxy", e);
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    /** {@code tcp://127.0.0.1:<port>}. */
    public String uri() {
        return "tcp://127.0.0.1:" + port();
    }

    /** Delays every later chunk by {@code latency} (0 turns it off), in both directions, order kept. */
    public TcpProxy latency(Duration latency) {
        this.latencyNanos = latency.toNanos();
        return this;
    }

    /** Half-open: the links alive now stop forwarding in both directions without closing anything. */
    public void stall() {
        for (Link link : links) {
            link.stall();
        }
    }

    /** Resets both sides of every link alive now (RST: SO_LINGER 0), wherever the streams are. */
    public void cut() {
        for (Link link : links) {
            link.cut();
        }
    }

    /**
     * Arms every live link: the next chunk read in either direction is forwarded only half (it ends inside a
     * frame whenever the chunk holds more than one byte of one), then both sides are reset.
     */
    public void cutMidFrame() {
        for (Link link : links) {
            link.cutArmed = true;
        }
    }

    /** New connections are accepted but never forwarded (like a frozen host). */
    public TcpProxy blackhole(boolean on) {
        this.blackhole = on;
        return this;
    }

    /** New connections are closed at once. */
    public TcpProxy refuse(boolean on) {
        this.refuse = on;
        return this;
    }

    /** Back to normal for new connections: no blackhole, no refusal, no latency. Stalled links stay stalled. */
    public TcpProxy heal() {
        blackhole = false;
        refuse = false;
        latencyNanos = 0;
        return this;
    }

    /** How many connections were accepted. */
    public int connectionCount() {
        return linkCount.get();
    }

    /** Links neither closed nor stalled. */
    public int activeLinks() {
        int n = 0;
        for (Link link : links) {
            if (!link.closed && !link.stalled) {
                n++;
            }
        }
        return n;
    }

    /** {@link System#nanoTime()} of every accept, oldest first. */
    public List<Long> acceptTimes() {
        return new ArrayList<>(acceptTimes);
    }

    public long bytesForwarded() {
        return bytesForwarded.get();
    }

    /** Closes the listener and every link (RST). */
    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Link link : links) {
            link.cut();
        }
        links.clear();
    }

    private void accept() {
        while (!closed) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return;
            }
            acceptTimes.add(System.nanoTime());
            int number = linkCount.incrementAndGet();
            if (refuse) {
                reset(client);
                continue;
            }
            try {
                client.setTcpNoDelay(true);
                Socket upstream = new Socket();
                upstream.setTcpNoDelay(true);
                upstream.connect(target, 5000);
                Link link = new Link(number, client, upstream);
                links.add(link);
                links.removeIf(l -> l.closed);
                if (blackhole) {
                    link.stalled = true;
                }
                link.start();
            } catch (IOException e) {
                reset(client); // target down: the client sees the connection reset, as without the proxy
            }
        }
    }

    private static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
        } catch (SocketException ignored) {
            // closing anyway
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    private record Chunk(byte[] bytes, int length, long dueNanos) {
    }

    private static final Chunk EOF = new Chunk(new byte[0], -1, 0);

    /** One proxied connection. */
    private final class Link {
        private final int number;
        private final Socket client;
        private final Socket upstream;
        private final Object pause = new Object();
        volatile boolean stalled;
        volatile boolean cutArmed;
        volatile boolean closed;

        Link(int number, Socket client, Socket upstream) {
            this.number = number;
            this.client = client;
            this.upstream = upstream;
        }

        void start() throws IOException {
            direction("up", client.getInputStream(), upstream, upstream.getOutputStream());
            direction("down", upstream.getInputStream(), client, client.getOutputStream());
        }

        private void direction(String name, InputStream in, Socket to, OutputStream out) {
            BlockingQueue<Chunk> queue = new LinkedBlockingQueue<>();
            Thread reader = new Thread(() -> read(in, queue), "tcp-proxy-" + port() + "-" + number + "-" + name + "-r");
            Thread writer = new Thread(() -> write(queue, to, out), "tcp-proxy-" + port() + "-" + number + "-" + name
                    + "-w");
            reader.setDaemon(true);
            writer.setDaemon(true);
            reader.start();
            writer.start();
        }

        private void read(InputStream in, BlockingQueue<Chunk> queue) {
            byte[] buffer = new byte[CHUNK];
            try {
                while (!closed) {
                    awaitNotStalled();
                    int n = in.read(buffer);
                    if (n < 0) {
                        queue.add(EOF);
                        return;
                    }
                    if (n == 0) {
                        continue;
                    }
                    awaitNotStalled(); // what arrives after the stall vanishes with the path
                    if (closed) {
                        return;
                    }
                    queue.add(new Chunk(java.util.Arrays.copyOf(buffer, n), n, System.nanoTime() + latencyNanos));
                }
            } catch (IOException | InterruptedException e) {
                queue.add(EOF);
            }
        }

        private void write(BlockingQueue<Chunk> queue, Socket to, OutputStream out) {
            try {
                while (!closed) {
                    Chunk chunk = queue.poll(100, TimeUnit.MILLISECONDS);
                    if (chunk == null) {
                        continue;
                    }
                    if (chunk == EOF) {
                        awaitNotStalled();
                        if (!closed) {
                            try {
                                to.shutdownOutput(); // pass the FIN on
                            } catch (IOException ignored) {
                                cut();
                            }
                        }
                        return;
                    }
                    long wait = chunk.dueNanos() - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                    awaitNotStalled();
                    if (closed) {
                        return;
                    }
                    if (cutArmed) {
                        out.write(chunk.bytes(), 0, Math.max(1, chunk.length() / 2));
                        out.flush();
                        cut();
                        return;
                    }
                    out.write(chunk.bytes(), 0, chunk.length());
                    out.flush();
                    bytesForwarded.addAndGet(chunk.length());
                }
            } catch (IOException e) {
                cut();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void awaitNotStalled() throws InterruptedException {
            if (!stalled) {
                return;
            }
            synchronized (pause) {
                while (stalled && !closed) {
                    pause.wait(100);
                }
            }
        }

        void stall() {
            stalled = true;
        }

        void cut() {
            if (closed) {
                return;
            }
            closed = true;
            reset(client);
            reset(upstream);
            synchronized (pause) {
                pause.notifyAll();
            }
        }
    }

    @Override
    public String toString() {
        return "TcpProxy[" + uri() + " -> " + target + "]";
    }
}
