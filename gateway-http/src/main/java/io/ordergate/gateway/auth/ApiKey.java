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
 */
public record ApiKey(String key, byte[] secretHash, Scope scope, int principal, List<String> accountIds, boolean systemMade)
    implements Caller
{
    @Override
    public boolean allows(final Scope required)
    {
        return scope.allows(required);
    }
}
