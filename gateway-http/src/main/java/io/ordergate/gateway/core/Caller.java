package io.ordergate.gateway.core;

/**
 * Who sent a request, as its route's {@link Access} resolved it before the handler runs: an API key, an executor,
 * a bot (and, as they come, a signed-in user or an agent). Immutable.
 */
public interface Caller
{
    /** The principal the commands of this caller carry in their header (the system for executors and bots). */
    int principal();

    /**
     * The caller's id as its owner knows it (an API key's {@code api_key}, a user's id), for routes named by it
     * ({@code /ws/{user_id}}); null for callers that have none to give (executors, bots).
     */
    default String id()
    {
        return null;
    }

    /** Whether the caller may do what needs {@code scope} (API keys by their scope; others: no). */
    default boolean allows(final Scope scope)
    {
        return false;
    }
}
