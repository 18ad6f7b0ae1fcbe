package io.ordergate.engine.bot;

import io.ordergate.engine.EngineContext;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.GroupBodies;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.view.JsonWriter;

/** <b>Not thread safe</b>: owned by the engine thread. Renders a bot as its API object. */
final class BotJson
{
    private final EngineContext context;

    BotJson(final EngineContext context)
    {
        this.context = context;
    }

    /** Answers with the bot as the whole JSON answer. */
    void answer(final CommandEvent event, final Bot bot, final ResultCode code)
    {
        writeBot(context.beginJson(event), bot);
        context.endJson(event);
        event.result = code;
    }

    void writeBot(final JsonWriter out, final Bot bot)
    {
        out.startObject();
        out.name("bot_id").string(bot.id);
        out.name("id").string(bot.id);
        out.name("name").string(bot.name);
        out.name("status").string(statusName(bot.status));
        out.name("group_id").string(bot.group == null ? null : bot.group.id);
        out.name("connected_accounts").startArray();
        for (int i = 0; i < bot.accountCount; i++)
        {
            out.string(bot.accounts[i].account.id);
        }
        out.endArray();
        out.name("accounts").startArray();
        if (bot.group != null)
        {
            for (int i = 0; i < bot.group.memberCount(); i++)
            {
                out.string(bot.group.member(i).account.id);
            }
        }
        for (int i = 0; i < bot.accountCount; i++)
        {
            if (bot.group == null || bot.group.indexOf(bot.accounts[i].account.index) < 0)
            {
                out.string(bot.accounts[i].account.id);
            }
        }
        out.endArray();
        out.name("created_at").time(bot.createdAtMicros);
        out.name("updated_at").time(bot.updatedAtMicros);
        out.endObject();
    }

    static String statusName(final int status)
    {
        switch (status)
        {
            case GroupBodies.BOT_ACTIVE: return "ACTIVE";
            case GroupBodies.BOT_PAUSED: return "PAUSED";
            case GroupBodies.BOT_STOPPED: return "STOPPED";
            default: return null;
        }
    }
}
