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

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stompest.client.ConnectionPool;
import org.stompest.client.metrics.StompMetrics;

/**
 * Binds the component's connections to camel-micrometer's {@link MeterRegistry} when the Camel registry has one
 * (camel-micrometer binds it as {@value #CAMEL_MICROMETER_REGISTRY}; any single {@code MeterRegistry} will do):
 * the {@link StompMetrics} meters, tagged {@code camelContext=<name>}, for every connection of the pool.
 *
 * <p>micrometer-core is an optional dependency: {@link #bind} checks that it is on the class path before any
 * Micrometer type is touched (they are only referenced by {@link Bound}), so a context without it never loads one.
 */
final class StompestMetricsBinding {
    private static final Logger LOG = LoggerFactory.getLogger(StompestMetricsBinding.class);
    /** The name camel-micrometer binds its registry under ({@code MicrometerConstants.METRICS_REGISTRY_NAME}). */
    static final String CAMEL_MICROMETER_REGISTRY = "metricsRegistry";
    private static final AutoCloseable NOTHING = () -> { };

    private StompestMetricsBinding() {
    }

    /** Binds the pool's connections if Micrometer is there and the registry has a MeterRegistry; closes to unbind. */
    static AutoCloseable bind(CamelContext context, ConnectionPool pool) {
        if (!micrometerPresent(StompestMetricsBinding.class.getClassLoader())) {
            return NOTHING;
        }
        return Bound.bind(context, pool);
    }

    static boolean micrometerPresent(ClassLoader loader) {
        try {
            Class.forName("io.micrometer.core.instrument.MeterRegistry", false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** The only class here that refers to Micrometer types. */
    static final class Bound {
        private Bound() {
        }

        static AutoCloseable bind(CamelContext context, ConnectionPool pool) {
            MeterRegistry registry = context.getRegistry()
                    .lookupByNameAndType(CAMEL_MICROMETER_REGISTRY, MeterRegistry.class);
            if (registry == null) {
                registry = context.getRegistry().findSingleByType(MeterRegistry.class);
            }
            if (registry == null) {
                return NOTHING;
            }
            LOG.debug("Binding stompest meters to {} [camelContext={}]", registry, context.getName());
            return StompMetrics.bind(pool, registry, Tags.of("camelContext", context.getName()));
        }
    }
}
