package io.ordergate.gateway.logs;

import java.util.HashMap;
import java.util.Map;

import io.ordergate.engine.command.AsciiView;
import io.ordergate.engine.command.BodyReader;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.CommandType;

/**
 * Who sent a command, as a person reads it: {@code system}, {@code key og_...} (the API key's public id, from the
 * CREATE_KEY that made the principal), {@code user <id>}, or {@code principal N} for one not seen made. Learned from
 * the journaled commands as they go by. <b>Not thread safe</b>: one reader of the journal's commands.
 */
final class PrincipalNames
{
    private final Map<Integer, String> names = new HashMap<>();
    private final BodyReader reader = new BodyReader();
    private final AsciiView text = new AsciiView();

    /** Learns the principal a command made (after the engine applied it). */
    void learn(final CommandEvent event)
    {
        if (event.result == null || !event.result.isSuccess() || event.resultId < 0)
        {
            return;
        }
        if (event.type == CommandType.CREATE_KEY)
        {
            names.put((int)event.resultId, "key " + reader.wrap(event.frame, CommandFrame.BODY_OFFSET).readString(text));
        }
        else if (event.type == CommandType.CREATE_USER)
        {
            names.put((int)event.resultId, "user " + event.resultId);
        }
    }

    String name(final int principal)
    {
        if (principal == CommandFrame.PRINCIPAL_SYSTEM)
        {
            return "system";
        }
        final String name = names.get(principal);
        return name != null ? name : "principal " + principal;
    }

    /** The state this keeps from the commands applied, for the cluster's snapshots ({@code StateBesideEngine}). */
    void stateRoots(final java.util.Map<String, Object> roots)
    {
        roots.put("logs.principal_names", names);
    }
}
