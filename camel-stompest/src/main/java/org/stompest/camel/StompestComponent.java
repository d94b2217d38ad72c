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
package org.stompest.camel;

import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

import javax.net.ssl.SSLContext;

import org.apache.camel.Endpoint;
import org.apache.camel.SSLContextParametersAware;
import org.apache.camel.spi.ExecutorServiceManager;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.util.SensitiveUtils;
import org.apache.camel.util.URISupport;
import org.apache.camel.util.concurrent.CamelThreadFactory;
import org.stompest.client.ClientRuntime;
import org.stompest.client.ConnectionPool;
import org.stompest.protocol.StompFailoverOptions;
import org.stompest.protocol.StompSpec;

/**
 * The stompest: component: creates endpoints, holds the component-level defaults of every option (copied
 * into each endpoint, whose URI overrides them) and owns the CamelContext's ConnectionPool, so endpoints
 * with the same connection options share one STOMP connection.
 */
@Component("stompest")
public class StompestComponent extends HealthCheckComponent implements SSLContextParametersAware {

    /** Failover options (ActiveMQ's & style) that Camel splits off as separate endpoint parameters. */
    private static final Set<String> FAILOVER_OPTIONS = new LinkedHashSet<>();

    static {
        // Camel 4.22 no longer counts passcode among the secrets its sanitizer masks in URIs, MBean names and
        // route labels: add it back for every URI Camel prints (connectHeaders.passcode included). Only where it is
        // missing: given only known keywords, addSanitizeKeywords builds an empty pattern that masks every option.
        if (!SensitiveUtils.containsSensitive(StompSpec.PASSCODE_HEADER)) {
            URISupport.addSanitizeKeywords(StompSpec.PASSCODE_HEADER);
        }
        FAILOVER_OPTIONS.addAll(StompFailoverOptions.defaults().toMap().keySet());
        FAILOVER_OPTIONS.add("reconnectDelayExponent");
    }

    @Metadata
    private StompestConfiguration configuration = new StompestConfiguration();
    @Metadata(label = "security", defaultValue = "false")
    private boolean useGlobalSslContextParameters;
    @Metadata(label = "advanced")
    private ConnectionPool connectionPool;

    private boolean ownsPool;
    private final Map<SSLContextParameters, SSLContext> sslContexts = new IdentityHashMap<>();
    private ClientRuntime runtime;
    private ExecutorService callbackExecutor;
    private ScheduledExecutorService scheduler;

    public StompestComponent() {
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        StompestConfiguration endpointConfiguration = configuration.copy();
        StompestEndpoint endpoint = new StompestEndpoint(uri, this, remaining, endpointConfiguration);
        mergeFailoverOptions(parameters);
        setProperties(endpoint, parameters);
        if (endpointConfiguration.getSslContextParameters() == null) {
            endpointConfiguration.setSslContextParameters(retrieveGlobalSslContextParameters());
        }
        endpoint.validate();
        return endpoint;
    }

    /**
     * Written as failover=failover:(tcp://a:1,tcp://b:2)?randomize=false&maxReconnectAttempts=3, Camel
     * splits maxReconnectAttempts off as a parameter of its own: put such failover options back into the
     * failover value. (The , form and RAW(...) arrive whole.)
     */
    static void mergeFailoverOptions(Map<String, Object> parameters) {
        if (!(parameters.get("failover") instanceof String failover) || !failover.startsWith("failover:")) {
            return;
        }
        StringBuilder merged = new StringBuilder(failover);
        boolean hasOptions = failover.indexOf('?') >= 0;
        for (String option : FAILOVER_OPTIONS) {
            Object value = parameters.remove(option);
            if (value != null) {
                merged.append(hasOptions ? ',' : '?').append(option).append('=').append(value);
                hasOptions = true;
            }
        }
        parameters.put("failover", merged.toString());
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        metrics = StompestMetricsBinding.bind(getCamelContext(), connectionPool()); // micrometer when present
    }

    @Override
    protected void doStop() throws Exception {
        metrics.close();
        ConnectionPool pool;
        ClientRuntime ownRuntime;
        synchronized (this) {
            pool = ownsPool ? connectionPool : null;
            if (ownsPool) {
                connectionPool = null;
                ownsPool = false;
            }
            ownRuntime = runtime;
            runtime = null;
            sslContexts.clear();
        }
        if (pool != null) {
            pool.close();
        }
        if (ownRuntime != null) {
            ownRuntime.close();
            ExecutorServiceManager executors = getCamelContext().getExecutorServiceManager();
            executors.shutdownGraceful(callbackExecutor);
            executors.shutdownNow(scheduler);
        }
        super.doStop();
    }

    private AutoCloseable metrics = () -> { };

    /**
     * The pool every endpoint leases its connection from; created with the component unless one was set. Its
     * connections take their threads from the CamelContext's ExecutorServiceManager (named by Camel's thread name
     * pattern): a scheduled pool for heart-beats and timeouts, a callback pool where futures complete.
     */
    synchronized ConnectionPool connectionPool() {
        if (connectionPool == null) {
            ExecutorServiceManager executors = getCamelContext().getExecutorServiceManager();
            // an unbounded queue: a busy pool must never reject, since Camel's CallerRuns policy would then run the
            // route on the thread completing the future (the reader, or the connect loop holding the state lock:
            // a burst of exchanges waiting for a connection hung or timed out so). Camel makes a SynchronousQueue
            // (no queue at all) of maxQueueSize <= 0, so "unbounded" is Integer.MAX_VALUE.
            int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
            ThreadPoolProfile profile = new ThreadPoolProfile("StompestCallback");
            profile.setPoolSize(threads);
            profile.setMaxPoolSize(threads);
            profile.setMaxQueueSize(Integer.MAX_VALUE);
            profile.setAllowCoreThreadTimeOut(false);
            callbackExecutor = executors.newThreadPool(this, "StompestCallback", profile);
            scheduler = executors.newScheduledThreadPool(this, "StompestScheduler", 2);
            runtime = ClientRuntime.builder()
                    .threadFactory(new CamelThreadFactory(executors.getThreadNamePattern(), "Stompest", true))
                    .threadNames(executors::resolveThreadName)
                    .scheduler(scheduler)
                    .callbacks(callbackExecutor)
                    .build();
            connectionPool = new ConnectionPool(runtime);
            ownsPool = true;
        }
        return connectionPool;
    }

    /** One SSLContext per SSLContextParameters object, so that endpoints sharing the parameters share the pool key. */
    synchronized SSLContext sslContext(SSLContextParameters parameters) throws Exception {
        SSLContext context = sslContexts.get(parameters);
        if (context == null) {
            context = parameters.createSSLContext(getCamelContext());
            sslContexts.put(parameters, context);
        }
        return context;
    }

    public StompestConfiguration getConfiguration() {
        return configuration;
    }

    /** The defaults of every endpoint's options. */
    public void setConfiguration(StompestConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public boolean isUseGlobalSslContextParameters() {
        return useGlobalSslContextParameters;
    }

    /** Whether endpoints without sslContextParameters use the CamelContext's global SSL context parameters. */
    @Override
    public void setUseGlobalSslContextParameters(boolean useGlobalSslContextParameters) {
        this.useGlobalSslContextParameters = useGlobalSslContextParameters;
    }

    public synchronized ConnectionPool getConnectionPool() {
        return connectionPool;
    }

    /**
     * The stomp-client connection pool to lease connections from, to share connections with code outside Camel.
     * The component then never closes it. By default the component creates its own and closes it when stopped.
     */
    public synchronized void setConnectionPool(ConnectionPool connectionPool) {
        if (ownsPool && this.connectionPool != null && this.connectionPool != connectionPool) {
            this.connectionPool.close();
        }
        this.connectionPool = connectionPool;
        this.ownsPool = false;
    }
}
