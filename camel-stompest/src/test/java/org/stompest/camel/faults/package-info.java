/**
 * The Camel floor of the fault suite: crash and restart, failover pair, failing consumers, secrets in Camel's logs
 * and MBeans. The shared pieces (tally, checksummed bodies, TCP proxy, log capture, JMX scan) live in
 * {@code org.stompest.client.faults} in the stomp-client test-jar; see its package comment for the whole suite.
 */
package org.stompest.camel.faults;
