package org.stompest.bench.vertx;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.vertx.core.Completable;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.stomp.Frame;
import io.vertx.ext.stomp.StompClient;
import io.vertx.ext.stomp.StompClientConnection;
import io.vertx.ext.stomp.StompClientOptions;
import io.vertx.ext.stomp.impl.StompClientConnectionImpl;
import org.stompest.bench.shared.AllocationMeter;
import org.stompest.bench.shared.Latency;
import org.stompest.bench.shared.LineProtocol;

/**
 * The Vert.x STOMP client (io.vertx:vertx-stomp) behind the bench driver line protocol (see the bench module's
 * {@code org.stompest.bench.e2e.Driver}). Every Future-returning {@code send} and {@code ack} of Vert.x 5 asks for a
 * receipt, so fire-and-forget SENDs and receipt-less ACKs go through the implementation's public
 * {@code send(destination, headers, body, null)} and {@code ack(id, null)}. Heart-beats are 10,000/10,000 ms as
 * stomp-client's default: Vert.x' own 1,000/1,000 ms dropped the connection (no server beat within 2.7 s) while other
 * clients' rounds kept the two cores busy. A connection found closed before a round is opened again, outside the
 * clock.
 */
public final class VertxDriver {
    private Vertx vertx;
    private StompClient client;
    private StompClientConnectionImpl connection;

    @SuppressWarnings("try") // the sampler only needs closing
    public static void main(String[] args) throws Exception {
        PrintStream protocol = System.out;
        System.setOut(System.err);
        VertxDriver driver = new VertxDriver();
        protocol.println("READY " + driver.connect(args[0]));
        protocol.flush();
        LineProtocol.serve(protocol, words -> {
            if (words[0].equals("latency")) {
                return "DONE " + driver.latency(words[1], Integer.parseInt(words[2]), Long.parseLong(words[3]),
                        Integer.parseInt(words[4]), Path.of(words[5]));
            }
            byte[] body = new byte[Integer.parseInt(words[3])];
            Arrays.fill(body, (byte) 'x');
            long nanos;
            AllocationMeter allocation = new AllocationMeter().start();
            try (StackSampler sampler = StackSampler.forRun("vertx-" + words[0], "vertx " + words[0])) {
                nanos = driver.run(words[0], words[1], Integer.parseInt(words[2]), body, Integer.parseInt(words[4]));
            }
            return "DONE " + nanos + " " + allocation.stop();
        });
        driver.connection.disconnect();
        driver.vertx.close().await();
        System.exit(0);
    }

    private String connect(String uri) throws Exception {
        URI parsed = URI.create(uri);
        vertx = Vertx.vertx();
        client = StompClient.create(vertx, new StompClientOptions()
                .setHost(parsed.getHost()).setPort(parsed.getPort()).setAcceptedVersions(Arrays.asList("1.2"))
                // guest on virtual host /: RabbitMQ needs both; Artemis (security off) and Classic ignore them
                .setLogin("guest").setPasscode("guest").setVirtualHost("/")
                .setHeartbeat(new JsonObject().put("x", 10_000).put("y", 10_000)));
        return open();
    }

    private String open() throws Exception {
        StompClientConnection connected = client.connect().toCompletionStage().toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
        connection = (StompClientConnectionImpl) connected;
        return "vertx-stomp " + connection.version() + " to " + connection.server();
    }

    /** Send-to-receive latency at a fixed rate ({@link Latency}); returns how many messages arrived. */
    private int latency(String destination, int rate, long millis, int bodySize, Path file) throws Exception {
        if (!connection.isConnected()) {
            System.err.println("Connection lost: opened again: " + open());
        }
        long[] latencies = Latency.run((dest, onBody) -> {
            Map<String, String> headers = new HashMap<>();
            headers.put(Frame.ACK, "auto");
            String id = connection.subscribe(dest, headers, frame -> onBody.accept(frame.getBodyAsByteArray()))
                    .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            return () -> connection.unsubscribe(dest, new HashMap<>(Map.of(Frame.ID, id)))
                    .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }, (dest, body) -> connection.send(dest, new HashMap<>(), Buffer.buffer(body), (Completable<Frame>) null),
                destination, rate, millis, bodySize);
        return Latency.write(latencies, file);
    }

    private long run(String scenario, String destination, int count, byte[] body, int window) throws Exception {
        if (!connection.isConnected()) {
            System.err.println("Connection lost: opened again: " + open());
        }
        Buffer payload = Buffer.buffer(body);
        switch (scenario) {
            case "produce": {
                long start = System.nanoTime();
                for (int i = 0; i < count; i++) {
                    connection.send(destination, new HashMap<>(), payload, (Completable<Frame>) null);
                }
                connection.send(destination, new HashMap<>(), payload).toCompletionStage().toCompletableFuture()
                        .get(60, TimeUnit.SECONDS);
                return System.nanoTime() - start;
            }
            case "produce-receipt": {
                Semaphore permits = new Semaphore(window);
                AtomicReference<Throwable> failure = new AtomicReference<>();
                CountDownLatch done = new CountDownLatch(count);
                long start = System.nanoTime();
                for (int i = 0; i < count && failure.get() == null; i++) {
                    permits.acquire();
                    connection.send(destination, new HashMap<>(), payload).onComplete((frame, error) -> {
                        if (error != null) {
                            failure.compareAndSet(null, error);
                        }
                        permits.release();
                        done.countDown();
                    });
                }
                if (!done.await(120, TimeUnit.SECONDS) || failure.get() != null) {
                    throw new IllegalStateException("Receipts missing: " + done.getCount(), failure.get());
                }
                return System.nanoTime() - start;
            }
            case "consume-auto":
            case "consume-ack": {
                boolean ack = scenario.equals("consume-ack");
                CountDownLatch done = new CountDownLatch(1);
                AtomicInteger received = new AtomicInteger();
                Map<String, String> headers = new HashMap<>();
                headers.put(Frame.ACK, ack ? "client-individual" : "auto");
                long start = System.nanoTime();
                String id = connection.subscribe(destination, headers, frame -> {
                    if (ack) {
                        connection.ack(frame.getAck(), (Completable<Frame>) null);
                    }
                    if (received.incrementAndGet() == count) {
                        done.countDown();
                    }
                }).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
                boolean complete = done.await(120, TimeUnit.SECONDS);
                long nanos = System.nanoTime() - start;
                connection.unsubscribe(destination, new HashMap<>(Map.of(Frame.ID, id)))
                        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
                if (!complete) {
                    throw new IllegalStateException("Received " + received.get() + " of " + count);
                }
                return nanos;
            }
            default:
                throw new IllegalArgumentException("Unknown scenario: " + scenario);
        }
    }
}
