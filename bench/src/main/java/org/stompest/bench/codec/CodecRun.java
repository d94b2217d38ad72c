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
package org.stompest.bench.codec;

import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Part 1: runs {@link CodecBenchmark} through JMH (every benchmark and codec, each in its own fork) with the GC
 * profiler, so that each result also says how many bytes a frame allocates. JMH's own report goes to a log file.
 */
public final class CodecRun {
    public static final List<String> BENCHMARKS = List.of("a_stream", "b_large", "c_segments", "d_bytewise", "encode");
    public static final List<String> CODECS = List.of("stompest", "spring", "netty");

    /**
     * One (benchmark, codec) figure: the median of the measured iterations in frames/s (a median, because on a
     * shared 2-core machine a single starved iteration can be ten times slower), the slowest and fastest iteration,
     * and bytes allocated per frame.
     */
    public record Score(double framesPerSecond, double min, double max, double allocatedPerFrame, long frameBytes) {
        public double megabytesPerSecond() {
            return framesPerSecond * frameBytes / 1e6;
        }
    }

    private final int forks;
    private final int warmups;
    private final int iterations;
    private final int seconds;
    private final Path log;
    private final String include;

    public CodecRun(int forks, int warmups, int iterations, int seconds, Path log, String include) {
        this.forks = forks;
        this.warmups = warmups;
        this.iterations = iterations;
        this.seconds = seconds;
        this.log = log;
        this.include = include;
    }

    /** benchmark -> codec -> score. */
    public Map<String, Map<String, Score>> run() throws Exception {
        java.nio.file.Files.createDirectories(log.getParent());
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(CodecBenchmark.class.getName() + "." + include)
                .forks(forks)
                .warmupIterations(warmups)
                .warmupTime(TimeValue.seconds(seconds))
                .measurementIterations(iterations)
                .measurementTime(TimeValue.seconds(seconds))
                .jvmArgs("-Xms2g", "-Xmx2g")
                .addProfiler(GCProfiler.class)
                .output(log.toString());
        Collection<RunResult> results = new Runner(options.build()).run();
        Map<String, Map<String, Score>> scores = new LinkedHashMap<>();
        for (String benchmark : BENCHMARKS) {
            scores.put(benchmark, new LinkedHashMap<>());
        }
        for (RunResult result : results) {
            String benchmark = result.getParams().getBenchmark();
            benchmark = benchmark.substring(benchmark.lastIndexOf('.') + 1);
            String codec = result.getParams().getParam("codec");
            List<Double> iterations = new java.util.ArrayList<>();
            result.getBenchmarkResults().forEach(b -> b.getIterationResults()
                    .forEach(i -> iterations.add(i.getPrimaryResult().getScore())));
            java.util.Collections.sort(iterations);
            int n = iterations.size();
            double median = n % 2 == 1 ? iterations.get(n / 2) : (iterations.get(n / 2 - 1) + iterations.get(n / 2)) / 2;
            Result<?> alloc = result.getSecondaryResults().get("·gc.alloc.rate.norm");
            if (alloc == null) {
                alloc = result.getSecondaryResults().get("gc.alloc.rate.norm");
            }
            scores.get(benchmark).put(codec, new Score(median, iterations.get(0), iterations.get(n - 1),
                    alloc == null ? Double.NaN : alloc.getScore(), CodecBenchmark.frameBytes(benchmark)));
        }
        return scores;
    }
}
