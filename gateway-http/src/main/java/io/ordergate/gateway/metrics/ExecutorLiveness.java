package io.ordergate.gateway.metrics;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Each executor's last heartbeat (command wall-clock micros), so /metrics can count executors online by the engine's
 * own rule (a heartbeat less than {@code offline_after_seconds} ago) without reading engine state. Written by the
 * reply thread (and replay) on each accepted heartbeat, which is seconds apart, so a boxed map is fine; read by anyone.
 */
public final class ExecutorLiveness
{
    private final long offlineAfterMicros;
    private final ConcurrentHashMap<Integer, Long> lastHeartbeatMicros = new ConcurrentHashMap<>();
    private final LongAdder metadataRefused = new LongAdder();
    private final LongAdder resultsRefused = new LongAdder();

    public ExecutorLiveness(final long offlineAfterMicros)
    {
        this.offlineAfterMicros = offlineAfterMicros;
    }

    /** Event loops: a heartbeat refused for its metadata (over 4 KiB, or not an object): the executor got the error. */
    public void metadataRefused()
    {
        metadataRefused.increment();
    }

    public long metadataRefusedCount()
    {
        return metadataRefused.sum();
    }

    /**
     * Reply thread: a command result the engine refused for its numbers (finer than it books); live only, not on replay.
     * An executor resending one in a loop shows here, its resends held to {@code executors.command_limit}.
     */
    public void resultRefused()
    {
        resultsRefused.increment();
    }

    public long resultsRefusedCount()
    {
        return resultsRefused.sum();
    }

    public void heartbeat(final int executorIndex, final long wallMicros)
    {
        lastHeartbeatMicros.merge(executorIndex, wallMicros, Math::max);
    }

    public int online(final long nowMicros)
    {
        int online = 0;
        for (final Long last : lastHeartbeatMicros.values())
        {
            if (nowMicros - last < offlineAfterMicros)
            {
                online++;
            }
        }
        return online;
    }

    /** The state this keeps from the commands applied, for the cluster's snapshots ({@code StateBesideEngine}). */
    public void stateRoots(final java.util.Map<String, Object> roots)
    {
        roots.put("executors.last_heartbeat_micros", lastHeartbeatMicros);
    }
}
