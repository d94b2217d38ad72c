package org.stompest.jmx;

public final class PartialConnection implements PartialConnectionMXBean {
    @Override
    public String getState() {
        return "CONNECTING";
    }

    @Override
    public long getReconnects() {
        return 9;
    }

    @Override
    public String getFlavour() {
        return "partial";
    }
}
