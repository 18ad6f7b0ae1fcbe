package io.ordergate.gateway.groups;

import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.view.JsonWriter;
import io.ordergate.gateway.core.Answer;
import io.ordergate.gateway.core.Answers;
import io.ordergate.gateway.core.ErrorFormat;

/**
 * Seed 003's answer envelope {@code {"success": true, "message", "data": {...}}} around the engine's group JSON. Where a
 * seed path is the native path too ({@code /groups/{id}}), the envelope's members join the native object, so both kinds
 * of client read what they expect; on seed 003's own {@code /groups/} only the envelope is answered. Stateless.
 */
final class Seed003Answers
{
    /** {@code GET /groups/?offset=&limit=}: {@code data: {"groups", "total", "offset", "limit"}}, the engine's page. */
    static final Answer GROUP_LIST = (event, json) ->
    {
        final int failed = Answers.failure(event, json, ErrorFormat.API);
        if (failed != 0)
        {
            return failed;
        }
        json.startObject().name("success").bool(true).name("message").string("Groups retrieved successfully").name("data").startObject();
        members(event, json);  // groups, total, offset and limit
        json.endObject().endObject();
        return 200;
    };

    private Seed003Answers()
    {
    }

    /** The envelope alone: {@code {"success", "message", "data": {"group": ...}}}. */
    static Answer group(final String message, final int status)
    {
        return (event, json) ->
        {
            final int failed = Answers.failure(event, json, ErrorFormat.API);
            if (failed != 0)
            {
                return failed;
            }
            json.startObject().name("success").bool(true).name("message").string(message).name("data").startObject().name("group");
            json.raw(event.output, 0, event.outputLength);
            json.endObject().endObject();
            return status == 0 ? event.result.httpStatus() : status;
        };
    }

    /** The native group object with the envelope's members added: {@code {...group, "success", "message", "data"}}. */
    static Answer both(final String message)
    {
        return (event, json) ->
        {
            final int failed = Answers.failure(event, json, ErrorFormat.API);
            if (failed != 0)
            {
                return failed;
            }
            json.startObject();
            members(event, json);
            json.name("success").bool(true).name("message").string(message).name("data").startObject().name("group");
            json.raw(event.output, 0, event.outputLength);
            json.endObject().endObject();
            return event.result.httpStatus();
        };
    }

    /** The engine's object's members, without its braces. */
    private static void members(final CommandEvent event, final JsonWriter json)
    {
        if (event.outputLength > 2)
        {
            json.raw(event.output, 1, event.outputLength - 2);
        }
    }
}
