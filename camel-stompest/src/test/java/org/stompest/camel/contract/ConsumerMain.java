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
package org.stompest.camel.contract;

import java.io.FileOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.stompest.camel.StompestComponent;
import org.stompest.client.faults.Bodies;

/**
 * The child JVM of {@link ConsumerProcess}: a CamelContext with one consumer route that appends the sequence number
 * of every message it receives to a file, one line each ({@code -1} for a corrupted body), written before the route
 * completes, and so before the message is acknowledged.
 * <pre>java ... ConsumerMain FAILOVER ENDPOINT_URI RECORD_FILE PING</pre>
 * With PING {@code true} it pings the destination until its own route sees the ping, so the subscription is live;
 * then it prints {@value ChildJvm#READY} and runs until killed.
 */
public final class ConsumerMain {
    private ConsumerMain() {
    }

    public static void main(String[] args) {
        ChildJvm.runChild(args, 4, "ConsumerMain FAILOVER ENDPOINT_URI RECORD_FILE PING", ConsumerMain::start);
    }

    private static void start(String[] args) throws Exception {
        String endpointUri = args[1];
        AtomicBoolean pinged = new AtomicBoolean();
        // unbuffered: each line is one write(2), in the page cache before the ACK; SIGKILL cannot take it back
        FileOutputStream record = new FileOutputStream(args[2], true);
        DefaultCamelContext context = new DefaultCamelContext();
        context.getComponent("stompest", StompestComponent.class).getConfiguration().setFailover(args[0]);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(endpointUri).routeId("contract-consumer").process(exchange -> {
                    byte[] body = exchange.getMessage().getBody(byte[].class);
                    if (Pings.isPing(body)) {
                        pinged.set(true);
                        return;
                    }
                    byte[] line = (Bodies.verify(body) + "\n").getBytes(StandardCharsets.US_ASCII);
                    synchronized (record) {
                        record.write(line);
                    }
                });
            }
        });
        context.start();
        if (Boolean.parseBoolean(args[3])) {
            int query = endpointUri.indexOf('?');
            String destination = query < 0 ? endpointUri : endpointUri.substring(0, query);
            if (!Pings.awaitLive(context.createProducerTemplate(), destination, pinged::get)) {
                throw new IllegalStateException("no ping sent to " + destination + " reached " + endpointUri);
            }
        }
    }
}
