package io.ordergate.gateway.core;

import io.ordergate.gateway.json.BadRequest;

/**
 * One way a request may carry who it is for the routes that need a scope: the API key headers today; a bearer token
 * tomorrow. {@link Accesses} asks each in turn; the first that finds its credential decides. Thread safe.
 */
public interface Credentials
{
    /**
     * @return the caller, or null when the request carries no credential of this kind
     * @throws BadRequest 401 {@code INVALID_CREDENTIALS} when it carries one that is wrong
     */
    Caller resolve(Exchange exchange) throws BadRequest;
}
