package org.stompest.examples;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.camel.main.Main;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two embedded brokers behind one failover URI. After a few seconds the active broker is stopped; the STOMP
 * connections fail over to the other, the consumer's subscription is replayed there, and the summary at the end
 * counts confirmed, received, duplicated and lost orders.
 */
public final class FailoverExample {
    private static final Logger LOG = LoggerFactory.getLogger(FailoverExample.class);

    private FailoverExample() {
    }

    public static void main(String[] args) throws Exception {
        ExampleOptions options = ExampleOptions.parse(args);
        int duration = options.durationSeconds() > 0 ? options.durationSeconds() : 20;
        EmbeddedBroker first = EmbeddedBroker.start(0);
        EmbeddedBroker second = EmbeddedBroker.start(0);
        String failover = "failover:(" + first.stompUri() + "," + second.stompUri() + ")?randomize=false,"
                + "initialReconnectDelay=10,maxReconnectDelay=1000,startupMaxReconnectAttempts=3,"
                + "maxReconnectAttempts=-1";
        LOG.info("Brokers: {} (active) and {} (standby); failover URI {}", first.stompUri(), second.stompUri(),
                failover);
        LOG.info("The active broker stops after {} s; watch: jmx-console/bin/jmx-console --pid {} watch",
                options.failoverAfterSeconds(), ProcessHandle.current().pid());

        OrderCounter counter = new OrderCounter();
        Main main = new Main();
        main.bind("orderCounter", counter);
        main.addInitialProperty("camel.component.stompest.failover", failover);
        main.configure().setJmxEnabled(true);
        main.configure().setDurationMaxSeconds(duration);
        OrdersExample.stopProducingBeforeTheEnd(main, duration);
        main.configure().withRoutesIncludePattern("classpath:routes/consume-orders.yaml");
        main.configure().addRoutesBuilder(OrdersExample.producerRoute(options.periodMillis(), counter));

        ScheduledExecutorService killer = Executors.newSingleThreadScheduledExecutor();
        killer.schedule(() -> {
            try {
                LOG.info("Stopping the active broker {} (confirmed so far: {})", first.stompUri(),
                        counter.confirmed());
                first.stop();
            } catch (Exception e) {
                LOG.warn("Could not stop the first broker", e);
            }
        }, options.failoverAfterSeconds(), TimeUnit.SECONDS);
        try {
            main.run();
        } finally {
            killer.shutdownNow();
            LOG.info("Orders after failover: {}", counter.summary());
            first.stop();
            second.stop();
        }
        System.exit(counter.lost() == 0 ? main.getExitCode() : 1);
    }
}
