package io.ordergate.gateway.streams;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The subscriptions a client holds on one socket, by key ({@link StreamRequest#key}), each with the generation of the
 * subscribe that made it: the fan-out starts a subscription only if the client still holds that generation when its
 * snapshot arrives (see {@link StreamHub}), so an unsubscribe, or a subscribe again, in the meantime wins. Thread safe:
 * changed on the socket's event loop (and by the fan-out for a refusal, generation-checked), read by the fan-out.
 */
final class HeldSubscriptions
{
    private final Map<String, Long> held = new ConcurrentHashMap<>();
    /** Event loop only. */
    private long generations;

    /** Holds the key under a new generation, returned. Event loop. */
    long hold(final String key)
    {
        final long generation = ++generations;
        held.put(key, generation);
        return generation;
    }

    /** True while the client holds the subscription made by the subscribe of this generation. */
    boolean holds(final String key, final long generation)
    {
        final Long now = held.get(key);
        return now != null && now == generation;
    }

    boolean holds(final String key)
    {
        return held.containsKey(key);
    }

    /** The generation held for the key, or null. */
    Long generation(final String key)
    {
        return held.get(key);
    }

    /** Puts back what was held before a subscribe that could not be asked for (null: nothing). Event loop. */
    void restore(final String key, final Long generation)
    {
        held.compute(key, (k, now) -> generation);
    }

    /** Lets go of the key; the generation it was held by, or null when it was not held. Event loop. */
    Long release(final String key)
    {
        return held.remove(key);
    }

    /** Lets go of the key only if it is still held by this generation (a refused subscribe). Any thread. */
    void release(final String key, final long generation)
    {
        held.remove(key, generation);
    }

    int size()
    {
        return held.size();
    }

    /** The keys held now (weakly consistent: a key let go of meanwhile may or may not be in it). */
    Iterable<String> keys()
    {
        return held.keySet();
    }
}
