package io.ordergate.gateway.json;

import io.ordergate.engine.command.BodyWriter;

/** A decoded, checked request that writes its command body into a claimed ring slot. */
public interface RequestBody
{
    /** Writes the body; must not fail for a request that decoded without a problem. */
    void encode(BodyWriter writer);
}
