package io.ordergate.gateway.auth;

import java.util.List;

import io.ordergate.gateway.core.Caller;
import io.ordergate.gateway.core.Scope;

/**
 * One registered API key. Immutable: safe from any thread.
 *
 * @param key          the public key id sent as {@code X-API-Key}
 * @param secretHash   SHA-256 of the secret; the secret itself is never stored
 * @param scope        what the key may do
 * @param principal    the engine's principal index for the key (journaled command headers carry it)
 * @param accountIds   accounts a read or trade key is bound to; empty for admin
 * @param systemMade   true when the gateway made the key itself at start-up (the bootstrap admin key)
 * @param owner        the principal that made it (a user's, an admin key's, or the system's)
 * @param createdMicros when it was made (the command's time)
 * @param use          when it was last used to authenticate (kept in memory only)
 */
public record ApiKey(String key, byte[] secretHash, Scope scope, int principal, List<String> accountIds, boolean systemMade,
    int owner, long createdMicros, Use use) implements Caller
{
    /** The last time a key authenticated a request: written by the event loops, read by {@code GET /api/v1/keys}. */
    public static final class Use
    {
        private volatile long lastMillis;

        void touch(final long nowMillis)
        {
            if (nowMillis - lastMillis >= 1000)
            {
                lastMillis = nowMillis;  // a write per second at most, so a busy key does not bounce its cache line
            }
        }

        /** Epoch millis, or 0 when never used since start-up. */
        public long lastMillis()
        {
            return lastMillis;
        }
    }

    @Override
    public String id()
    {
        return key;
    }

    /**
     * This key acting with at most {@code cap} (its user's role now): itself when the cap is no lower than its scope,
     * else a copy of it with the cap's scope (the same key, secret, principal, accounts and use).
     */
    public ApiKey cappedAt(final Scope cap)
    {
        return scope.allows(cap) && scope != cap
            ? new ApiKey(key, secretHash, cap, principal, accountIds, systemMade, owner, createdMicros, use) : this;
    }

    @Override
    public boolean allows(final Scope required)
    {
        return scope.allows(required);
    }
}
