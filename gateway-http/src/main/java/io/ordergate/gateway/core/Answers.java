package io.ordergate.gateway.core;

import java.util.logging.Logger;

import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.view.JsonWriter;

/**
 * What the features' answers share: the answer to a command that failed or was skipped, and the answer that is the
 * engine's own JSON. Stateless.
 */
public final class Answers
{
    private static final Logger LOG = Logger.getLogger(Answers.class.getName());

    /** The engine's JSON for a read or an admin command, or {@code {"status":"ok"}} where it wrote none; API.md errors. */
    public static final Answer ENGINE_JSON = engineJson(ErrorFormat.API);

    private Answers()
    {
    }

    /** As {@link #ENGINE_JSON}, with errors in another format. */
    public static Answer engineJson(final ErrorFormat errors)
    {
        return (event, json) ->
        {
            final int failed = failure(event, json, errors);
            if (failed != 0)
            {
                return failed;
            }
            if (event.outputKind == CommandEvent.OUTPUT_JSON)
            {
                json.raw(event.output, 0, event.outputLength);
            }
            else
            {
                json.startObject().name("status").string("ok").endObject();
            }
            return event.result.httpStatus();
        };
    }

    /**
     * Writes the error answer of a command that was skipped (its fill failed: 500 INTERNAL_ERROR) or refused by the
     * engine (its result code and message, in {@code errors}).
     *
     * @return its HTTP status, or 0 when the command succeeded (nothing written)
     */
    public static int failure(final CommandEvent event, final JsonWriter json, final ErrorFormat errors)
    {
        final ResultCode result = event.result;
        if (event.type == null || result == null)
        {
            if (result == null)
            {
                LOG.warning(() -> "a " + event.type + " command came back without a result");
            }
            errors.write(json, ApiErrors.INTERNAL_ERROR, event.resultMessage != null ? event.resultMessage : "the command was not applied", null);
            return 500;
        }
        if (result.isSuccess())
        {
            return 0;
        }
        errors.write(json, result.name(), errors.message(result, event.resultMessage), event.resultField);
        return errors.status(result);
    }
}
