package io.ordergate.gateway.core;

import io.ordergate.gateway.json.BadRequest;

/**
 * Handles the requests of one route row, on the connection's event loop, after the core matched the path, checked
 * the body's media type and resolved the caller: decodes and checks the request, then either answers at once through
 * the {@link Exchange} or publishes one command whose answer its feature renders. Keeps no request state (one
 * handler serves every connection): thread safe.
 */
@FunctionalInterface
public interface RouteHandler
{
    /** @throws BadRequest a refusal, answered in the route's error format; nothing was published */
    void handle(Exchange exchange) throws BadRequest;
}
