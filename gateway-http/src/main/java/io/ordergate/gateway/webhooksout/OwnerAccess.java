package io.ordergate.gateway.webhooksout;

/**
 * What a webhook's owner (the principal that registered it) may see now, asked before its events go out: the engine
 * judged the accounts at registration only, and keys are revoked, users disabled and given fewer accounts since.
 * Implementations are read from the fan-out and the sender's threads: thread safe.
 */
@FunctionalInterface
public interface OwnerAccess
{
    /**
     * @param accountId the event's account, or null for "may the owner still act at all"
     */
    boolean sees(int owner, String accountId);
}
