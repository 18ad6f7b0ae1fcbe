package io.ordergate.engine.bot;

import io.ordergate.engine.EngineContext;
import io.ordergate.engine.command.AsciiView;
import io.ordergate.engine.command.BodyReader;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.ResultCode;

/** <b>Not thread safe</b>: owned by the engine thread; allocates nothing. Bots are changed and read by admins only. */
final class BotAccess
{
    private final EngineContext context;
    private final Bots bots;

    BotAccess(final EngineContext context, final Bots bots)
    {
        this.context = context;
        this.bots = bots;
    }

    /**
     * Reads the bot id at the start of the body into {@code text}, leaving {@code reader} after it; rejects and
     * answers null unless admin and found.
     */
    Bot adminBot(final CommandEvent event, final BodyReader reader, final AsciiView text)
    {
        reader.wrap(event.frame, CommandFrame.BODY_OFFSET);
        final Bot bot = bots.find(reader.readString(text));
        if (!context.principals().requireAdmin(event))
        {
            return null;
        }
        if (bot == null)
        {
            event.reject(ResultCode.NOT_FOUND, "bot not found", "bot_id");
            return null;
        }
        return bot;
    }
}
