package io.ordergate.gateway.core;

import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.view.JsonWriter;

/**
 * An answer that is the engine's JSON object with one more string field at its end, which only the gateway knows: a
 * secret shown this once (an executor's API secret, an agent's pairing key, a bot's or webhook's secret) or text kept
 * outside the journal (an EA version's source). {@link #toString} never shows the value. Immutable; thread safe.
 */
public final class SplicedField implements Answer
{
    private final String name;
    private final String value;
    private final boolean successFirst;

    private SplicedField(final String name, final String value, final boolean successFirst)
    {
        this.name = name;
        this.value = value;
        this.successFirst = successFirst;
    }

    /** The engine's object, then {@code "name": value}. */
    public static Answer of(final String name, final String value)
    {
        return new SplicedField(name, value, false);
    }

    /** Seed 003's shape: {@code "success": true}, the engine's object's members, then {@code "name": value}. */
    public static Answer afterSuccess(final String name, final String value)
    {
        return new SplicedField(name, value, true);
    }

    @Override
    public int render(final CommandEvent event, final JsonWriter json)
    {
        final int failed = Answers.failure(event, json, ErrorFormat.API);
        if (failed != 0)
        {
            return failed;
        }
        json.startObject();
        if (successFirst)
        {
            json.name("success").bool(true);
        }
        if (event.outputLength > 2)
        {
            json.raw(event.output, 1, event.outputLength - 2);  // the engine's members, without its braces
        }
        json.name(name).string(value).endObject();
        return event.result.httpStatus();
    }

    @Override
    public String toString()
    {
        return "SplicedField(" + name + ")";  // never the value
    }
}
