package io.ordergate.gateway.core;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The failures of the pieces a stage calls one after another (the reply stage's listeners, the fan-out's, the sockets
 * told at a batch's end), where one piece's exception must not stop the others: each failure is counted, and logged
 * with its stack the first time that kind of piece fails with that kind of exception only, since a bug that throws
 * on every command must not flood the log from a thread on the order path. Thread safe.
 */
public final class FailuresOncePerKind
{
    private final Logger log;
    private final Level level;
    private final Set<String> logged = ConcurrentHashMap.newKeySet();
    private final AtomicLong count = new AtomicLong();

    public FailuresOncePerKind(final Logger log, final Level level)
    {
        this.log = log;
        this.level = level;
    }

    /** Counts a failure of {@code piece}; logs {@code message} with {@code ex} if this kind of it never failed so before. */
    public void failed(final Object piece, final RuntimeException ex, final Supplier<String> message)
    {
        count.incrementAndGet();
        if (logged.add(piece.getClass().getName() + ": " + ex.getClass().getName()))
        {
            log.log(level, message.get(), ex);
        }
    }

    /** Failures since start; any thread. */
    public long count()
    {
        return count.get();
    }
}
