package io.ordergate.gateway.core;

import io.ordergate.gateway.json.BadRequest;

/**
 * What a route requires of its caller, resolved by the core before the handler runs: nothing ({@link #NONE}), a scope
 * ({@link Accesses#scope}), an executor's own key, a bot's secret... A feature with its own kind of credential
 * implements one. Implementations are thread safe (shared by every event loop).
 */
public interface Access
{
    /** No credential: health, metrics, the webhook's test route. Answered even before the gateway is ready. */
    Access NONE = new Access()
    {
        @Override
        public Caller authenticate(final Exchange exchange)
        {
            return null;
        }

        @Override
        public boolean isAnonymous()
        {
            return true;
        }

        @Override
        public String toString()
        {
            return "none";
        }
    };

    /**
     * @return the caller (null only for an anonymous access)
     * @throws BadRequest the refusal (401, 403, 404...), answered in the route's error format
     */
    Caller authenticate(Exchange exchange) throws BadRequest;

    /** True for routes anyone may call: they are answered before start-up is done (the others answer 503 NOT_READY). */
    default boolean isAnonymous()
    {
        return false;
    }
}
