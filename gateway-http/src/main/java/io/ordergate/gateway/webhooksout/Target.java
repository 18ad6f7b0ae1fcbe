package io.ordergate.gateway.webhooksout;

import java.net.URI;
import java.util.Set;

/**
 * A registered webhook as the fan-out delivers to it: where, which events, for which accounts (null: every account,
 * an admin's registration without a list), the expert it was registered for (seed 001; null: none), and the secret
 * it signs with. Immutable.
 *
 * @param owner the principal that registered it: its events go out only while that owner may still act
 */
record Target(String id, URI url, int events, Set<String> accounts, String expertId, byte[] secret, int owner)
{
    boolean wants(final WebhookEvent event, final String accountId)
    {
        return event.in(events) && (accounts == null || accountId != null && accounts.contains(accountId));
    }
}
