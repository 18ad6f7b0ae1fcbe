package io.ordergate.engine.bot;

import io.ordergate.engine.EngineContext;
import io.ordergate.engine.account.Account;
import io.ordergate.engine.account.AccountStatus;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.GroupBodies;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.view.JsonWriter;
import io.ordergate.fixed.Money;

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
        final JsonWriter out = context.beginJson(event);
        startBot(out, bot);
        out.endObject();
        context.endJson(event);
        event.result = code;
    }

    /**
     * {@code GET /bots/{id}}: the bot with seed 003's {@code "performance": {"metrics": {}}}, which its clients read there;
     * the figures themselves are {@code GET /bots/{id}/performance}'s (the gateway's, not the engine's).
     */
    void answerDetail(final CommandEvent event, final Bot bot)
    {
        final JsonWriter out = context.beginJson(event);
        startBot(out, bot);
        out.name("performance").startObject().name("metrics").startObject().endObject().endObject();
        out.endObject();
        context.endJson(event);
        event.result = ResultCode.OK;
    }

    void writeBot(final JsonWriter out, final Bot bot)
    {
        startBot(out, bot);
        out.endObject();
    }

    /** The bot's fields, its object left open. */
    private void startBot(final JsonWriter out, final Bot bot)
    {
        out.startObject();
        out.name("bot_id").string(bot.id);
        out.name("id").string(bot.id);
        out.name("name").string(bot.name);
        out.name("base_name").string(bot.baseName);
        out.name("timeframe").string(bot.timeframe);
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
    }

    /** Seed 003's account in a bot's list: {@code {"id", "name", "exchange", "balance", "equity", "is_active"}}. */
    void writeAccountSummary(final JsonWriter out, final Account account)
    {
        out.startObject();
        out.name("id").string(account.id);
        out.name("name").string(account.id);
        out.name("exchange").string(account.venueName());
        out.name("balance").decimal(account.balance, Money.DIGITS);
        out.name("equity").decimal(context.values().equity(account), Money.DIGITS);
        out.name("is_active").bool(account.status == AccountStatus.ACTIVE);
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
