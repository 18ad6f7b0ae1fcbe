package io.ordergate.gateway.core;

/**
 * A package of the gateway that owns some routes: their rows, their request decoding, their answers. Adding a route
 * is a row here and a handler beside it (docs/DESIGN.md, "Adding a route").
 */
public interface Feature
{
    /** Adds this feature's rows to the one table; called once, at start-up. */
    void routes(RouteTable.Builder table);
}
