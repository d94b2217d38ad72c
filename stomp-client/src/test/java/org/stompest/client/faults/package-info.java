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
/**
 * The fault suite ("no message lost under broker crashes, network faults, failing consumers and hostile input"):
 * JUnit 5 tests tagged {@code faults}, named {@code *FaultTest}, here (client floor) and in
 * {@code org.stompest.camel.faults} (Camel floor). Each case counts messages sent, confirmed, received, duplicated
 * and lost ({@link org.stompest.client.faults.Tally}) and logs one line at INFO on the logger {@code faults}, e.g.
 * <pre>crash-restart: sent=20000 confirmed=20000 received=20000 duplicates=24 lost=0 recovery=207ms</pre>
 * and asserts {@code lost=0}.
 *
 * <p>Run: {@code mvn -B -ntp -q -pl camel-stompest -am test -Dtest='*Fault*' -Dsurefire.failIfNoSpecifiedTests=false}
 * (about 2.5 minutes on 2 cores). The summaries land in the surefire output files:
 * {@code grep -h "faults -" stomp-client/target/surefire-reports/org.stompest.client.faults.*-output.txt} (and the
 * same under camel-stompest).
 *
 * <table>
 * <caption>Cases</caption>
 * <tr><th>case</th><th>class</th></tr>
 * <tr><td>1 crash and restart</td><td>{@code org.stompest.camel.faults.CrashRestartFaultTest}</td></tr>
 * <tr><td>2 failover pair</td><td>{@code org.stompest.camel.faults.FailoverPairFaultTest}</td></tr>
 * <tr><td>3 network faults</td><td>{@link org.stompest.client.faults.NetworkFaultTest} with
 * {@link org.stompest.client.faults.TcpProxy}</td></tr>
 * <tr><td>4 failing consumers</td><td>{@code org.stompest.camel.faults.FailingConsumerFaultTest},
 * {@link org.stompest.client.faults.ListenerFailureFaultTest}</td></tr>
 * <tr><td>5 load</td><td>{@link org.stompest.client.faults.LoadFaultTest}</td></tr>
 * <tr><td>6 hostile peer, parser fuzz</td><td>{@link org.stompest.client.faults.HostilePeerFaultTest},
 * {@link org.stompest.client.faults.ParserFuzzFaultTest}</td></tr>
 * <tr><td>7 secrets and access</td><td>{@link org.stompest.client.faults.SecretsFaultTest},
 * {@code org.stompest.camel.faults.CamelSecretsFaultTest}</td></tr>
 * </table>
 *
 * <p>System properties: {@code faults.load.messages} (default 200,000), {@code faults.crash.messages} (20,000),
 * {@code faults.failover.messages} (6,000), {@code faults.failing.messages} (3,000), {@code faults.fuzz.inputs}
 * (2,000,000) and {@code faults.fuzz.seed}; larger values are the soak variants.
 */
package org.stompest.client.faults;
