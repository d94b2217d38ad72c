package org.stompest.jmx;

/** A connection bean with only some of the contract attributes (say, an older stomp-client), plus one extra. */
public interface PartialConnectionMXBean {
    String getState();

    long getReconnects();

    String getFlavour();
}
