package io.ordergate.engine.bot;

import io.ordergate.engine.EngineContext;
import io.ordergate.engine.OrderEntry;
import io.ordergate.engine.account.Account;
import io.ordergate.engine.command.AsciiView;
import io.ordergate.engine.command.BodyReader;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.GroupBodies;
import io.ordergate.engine.command.OrderStatus;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.group.FanOut;
import io.ordergate.engine.group.DrawdownGuard;
import io.ordergate.engine.group.FanOutChild;
import io.ordergate.engine.group.FanOutCloser;
import io.ordergate.engine.group.FanOutFlow;
import io.ordergate.engine.group.FanOutJson;
import io.ordergate.engine.group.Group;
import io.ordergate.engine.group.Groups;
import io.ordergate.engine.group.Member;
import io.ordergate.engine.group.Signal;
import io.ordergate.engine.instrument.Instrument;
import io.ordergate.engine.view.JsonWriter;

/**
 * Bot commands and TradingView signals. A signal is authenticated by the gateway before it is journaled; here it is
 * de-duplicated (by alert id, or by identical body within {@code webhook.dedup_window_millis} of the command's own
 * time, so replay decides the same), checked against the bot's and group's kill switches, and fanned out.
 * <b>Not thread safe</b>: engine thread.
 */
public final class BotFlow
{
    private static final String ORIGIN_SIGNAL_CLOSE = "signal_close";
    private static final String ORIGIN_TERMINATE = "terminate";

    private final EngineContext context;
    private final Bots bots;
    private final Groups groups;
    private final FanOutFlow fanOut;
    private final FanOutCloser closer;
    private final DrawdownGuard drawdown;
    private final FanOutJson fanOutJson;
    private final OrderEntry entry;
    private final long dedupWindowMicros;
    private final BodyReader reader = new BodyReader();
    private final AsciiView text = new AsciiView();
    private final AsciiView alertId = new AsciiView();
    private final Signal signal = new Signal();

    public BotFlow(
        final EngineContext context, final Bots bots, final Groups groups, final FanOutFlow fanOut, final FanOutCloser closer,
        final DrawdownGuard drawdown, final FanOutJson fanOutJson, final OrderEntry entry)
    {
        this.context = context;
        this.bots = bots;
        this.groups = groups;
        this.fanOut = fanOut;
        this.closer = closer;
        this.drawdown = drawdown;
        this.fanOutJson = fanOutJson;
        this.entry = entry;
        this.dedupWindowMicros = context.config().webhook().dedupWindowMillis() * 1000L;
    }

    /** Whether any bot targets the group (such a group cannot be deleted). */
    public boolean targets(final Group group)
    {
        for (int i = 0; i < bots.count(); i++)
        {
            if (bots.get(i).group == group)
            {
                return true;
            }
        }
        return false;
    }

    public void apply(final CommandEvent event)
    {
        switch (event.type)
        {
            case CREATE_BOT: create(event); break;
            case SET_BOT_STATUS: status(event); break;
            case BOT_ACCOUNT: account(event); break;
            case TERMINATE_BOT: terminate(event); break;
            case WEBHOOK_SIGNAL: signal(event); break;
            case GET_BOT: get(event); break;
            case LIST_BOTS: list(event); break;
            case BOT_CREDENTIALS: credentials(event); break;
            default: event.reject(ResultCode.VALIDATION_ERROR, "unsupported command", null);
        }
    }

    private void create(final CommandEvent event)
    {
        if (!admin(event))
        {
            return;
        }
        reader.wrap(event.frame, CommandFrame.BODY_OFFSET);
        final String id = reader.readString(text).toString();
        final String name = reader.readString(text).toString();
        final Group group = groups.find(reader.readString(text));
        final boolean namedGroup = !text.isEmpty();
        final int count = reader.readInt();
        final Account[] accounts = new Account[count];  // admin path
        String unknown = null;
        for (int i = 0; i < count; i++)
        {
            accounts[i] = context.accounts().find(reader.readString(text));
            if (accounts[i] == null && unknown == null)
            {
                unknown = text.toString();
            }
        }
        final byte[] hash = bytes(reader);
        final byte[] sealed = bytes(reader);
        if (id.isEmpty())
        {
            event.reject(ResultCode.VALIDATION_ERROR, "bot_id is required", "bot_id");
            return;
        }
        if (namedGroup && group == null)
        {
            event.reject(ResultCode.VALIDATION_ERROR, "group_id names an unknown group", "group_id");
            return;
        }
        if (unknown != null)
        {
            event.reject(ResultCode.VALIDATION_ERROR, "account_ids names an unknown account: " + unknown, "account_ids");
            return;
        }
        if (group == null && count == 0)
        {
            event.reject(ResultCode.VALIDATION_ERROR, "a bot needs a target: group_id or account_ids", "group_id");
            return;
        }
        if (find(id) != null || find(name.isEmpty() ? id : name) != null)
        {
            event.reject(ResultCode.CONFLICT, "a bot with this bot_id or name exists", "bot_id");
            return;
        }
        if (bots.isFull())
        {
            event.reject(ResultCode.CONFLICT, "the bot table is full (engine.max_bots)", null);
            return;
        }
        final Bot bot = new Bot(id, name.isEmpty() ? id : name, hash, sealed, event.wallMicros());
        bot.group = group;
        bot.status = GroupBodies.BOT_ACTIVE;
        for (final Account account : accounts)
        {
            if (bot.indexOf(account.index) < 0)
            {
                bot.connect(defaultMember(account));
            }
        }
        bots.add(bot);
        answerBot(event, bot, ResultCode.CREATED);
    }

    private void status(final CommandEvent event)
    {
        final Bot bot = adminBot(event);
        if (bot == null)
        {
            return;
        }
        final int status = reader.readByte();
        if (status < GroupBodies.BOT_ACTIVE || status > GroupBodies.BOT_STOPPED)
        {
            event.reject(ResultCode.VALIDATION_ERROR, "status must be ACTIVE, PAUSED or STOPPED", "status");
            return;
        }
        bot.status = status;
        bot.updatedAtMicros = event.wallMicros();
        final JsonWriter out = context.beginJson(event).startObject();
        out.name("success").bool(true).name("bot_id").string(bot.id).name("status").string(statusName(status)).endObject();
        context.endJson(event);
        event.result = ResultCode.OK;
    }

    private void account(final CommandEvent event)
    {
        final Bot bot = adminBot(event);
        if (bot == null)
        {
            return;
        }
        final Account account = context.accounts().find(reader.readString(text));
        final boolean connect = reader.readBoolean();
        if (account == null)
        {
            event.reject(ResultCode.NOT_FOUND, "account not found", "account_id");
            return;
        }
        final int index = bot.indexOf(account.index);
        if (connect && index < 0)
        {
            bot.connect(defaultMember(account));
        }
        else if (!connect)
        {
            if (index < 0)
            {
                event.reject(ResultCode.NOT_FOUND, "the account is not connected to the bot", "account_id");
                return;
            }
            bot.disconnect(index);
        }
        bot.updatedAtMicros = event.wallMicros();
        final JsonWriter out = context.beginJson(event).startObject();
        out.name("success").bool(true).name("message").string(connect ? "Account connected" : "Account disconnected");
        out.name("bot_id").string(bot.id).name("account_id").string(account.id).endObject();
        context.endJson(event);
        event.result = ResultCode.OK;
    }

    /** Stops the bot, cancels its accounts' resting orders and closes every position they hold. */
    private void terminate(final CommandEvent event)
    {
        final Bot bot = adminBot(event);
        if (bot == null)
        {
            return;
        }
        bot.status = GroupBodies.BOT_STOPPED;
        bot.updatedAtMicros = event.wallMicros();
        final FanOut made = fanOut.fanOuts().allocate();
        made.kind = FanOut.KIND_TERMINATE;
        made.botId = bot.id;
        made.groupId = bot.group == null ? null : bot.group.id;
        made.createdAtMicros = event.wallMicros();
        int accounts = 0;
        final Group group = bot.group;
        if (group != null)
        {
            for (int i = 0; i < group.memberCount(); i++)
            {
                terminate(event, made, group.member(i));
                accounts++;
            }
        }
        for (int i = 0; i < bot.accountCount; i++)
        {
            if (group == null || group.indexOf(bot.accounts[i].account.index) < 0)
            {
                terminate(event, made, bot.accounts[i]);
                accounts++;
            }
        }
        final JsonWriter out = context.beginJson(event).startObject();
        out.name("success").bool(made.errorCount == 0);
        out.name("terminated_accounts").number(accounts);
        out.name("errors").startArray();
        for (int i = 0; i < made.childCount; i++)
        {
            final FanOutChild child = fanOut.fanOuts().child(made, i);
            if (child != null && child.status == OrderStatus.REJECTED)
            {
                out.startObject()
                    .name("account_id").string(context.accounts().get(child.accountIndex).id)
                    .name("symbol").string(context.instruments().get(child.instrumentIndex).symbol)
                    .name("code").string(child.rejectCode == null ? null : child.rejectCode.name())
                    .endObject();
            }
        }
        out.endArray();
        out.name("bot_id").string(bot.id);
        out.name("status").string(statusName(bot.status));
        out.name("closed_positions").number(made.successCount);
        fanOutJson.writeResults(out, made);
        out.endObject();
        context.endJson(event);
        event.result = ResultCode.OK;
    }

    private void terminate(final CommandEvent event, final FanOut made, final Member member)
    {
        entry.cancelResting(member.account, event.wallMicros());
        closer.close(event, made, member, null, GroupBodies.ACTION_CLOSE_ALL, ORIGIN_TERMINATE);
    }

    private void signal(final CommandEvent event)
    {
        reader.wrap(event.frame, CommandFrame.BODY_OFFSET);
        final Bot bot = bots.find(reader.readString(text));
        final int action = reader.readByte();
        signal.decode(reader);
        reader.readString(alertId);
        final long bodyHash = reader.readLong();
        if (bot == null)
        {
            event.reject(ResultCode.NOT_FOUND, "bot not found", "bot");
            return;
        }
        if (bot.status == GroupBodies.BOT_STOPPED)
        {
            event.reject(ResultCode.BOT_STOPPED, null, null);
            return;
        }
        final long now = event.wallMicros();
        FanOut first = null;
        if (!alertId.isEmpty())
        {
            first = fanOut.fanOuts().findByKey(FanOut.KIND_SIGNAL, bot.id, alertId);
        }
        else if (dedupWindowMicros > 0)
        {
            first = fanOut.fanOuts().findRecentBody(bot.id, bodyHash, now - dedupWindowMicros);
        }
        if (first != null)
        {
            fanOutJson.writeSignal(context.beginJson(event), first, true);
            context.endJson(event);
            event.result = ResultCode.DUPLICATE;
            return;
        }
        final Group group = bot.group;
        final boolean closing = action >= GroupBodies.ACTION_CLOSE;
        Instrument instrument = null;
        if (closing)
        {
            if (action != GroupBodies.ACTION_CLOSE_ALL)
            {
                instrument = context.instruments().find(signal.symbol);
                if (instrument == null)
                {
                    event.reject(ResultCode.UNKNOWN_SYMBOL, "unknown symbol", "symbol");
                    return;
                }
            }
        }
        else
        {
            instrument = fanOut.validate(event, signal);
            if (instrument == null)
            {
                return;
            }
            if (group != null)
            {
                drawdown.check(group, now);
            }
        }
        final ResultCode pausedBy = closing ? null
            : bot.status == GroupBodies.BOT_PAUSED ? ResultCode.BOT_PAUSED
            : group != null && group.paused ? ResultCode.GROUP_PAUSED : null;
        if (pausedBy != null && !FanOutFlow.anyCanReduce(group, bot.accounts, bot.accountCount, instrument, signal.side))
        {
            event.reject(pausedBy, null, null);
            return;
        }
        final FanOut made;
        if (closing)
        {
            made = fanOut.fanOuts().allocate();
            made.kind = FanOut.KIND_SIGNAL;
            made.groupId = group == null ? null : group.id;
            made.createdAtMicros = now;
            if (group != null)
            {
                for (int i = 0; i < group.memberCount(); i++)
                {
                    closer.close(event, made, group.member(i), instrument, action, ORIGIN_SIGNAL_CLOSE);
                }
            }
            for (int i = 0; i < bot.accountCount; i++)
            {
                if (group == null || group.indexOf(bot.accounts[i].account.index) < 0)
                {
                    closer.close(event, made, bot.accounts[i], instrument, action, ORIGIN_SIGNAL_CLOSE);
                }
            }
        }
        else
        {
            made = fanOut.open(event, FanOut.KIND_SIGNAL, group, bot.accounts, bot.accountCount, signal, instrument, pausedBy);
        }
        made.botId = bot.id;
        made.action = action;
        made.bodyHash = bodyHash;
        if (!alertId.isEmpty())
        {
            made.key(alertId);
        }
        fanOutJson.writeSignal(context.beginJson(event), made, false);
        context.endJson(event);
        event.result = ResultCode.OK;
    }

    private void get(final CommandEvent event)
    {
        final Bot bot = adminBot(event);
        if (bot != null)
        {
            answerBot(event, bot, ResultCode.OK);
        }
    }

    private void list(final CommandEvent event)
    {
        if (!admin(event))
        {
            return;
        }
        final JsonWriter out = context.beginJson(event).startObject().name("bots").startArray();
        for (int i = 0; i < bots.count(); i++)
        {
            writeBot(out, bots.get(i));
        }
        out.endArray().endObject();
        context.endJson(event);
        event.result = ResultCode.OK;
    }

    /**
     * For the gateway's webhook authentication only (a read; no HTTP route answers it): the bot named by id or
     * name, or else the one whose secret hash matches the presented token's, with what verification needs.
     */
    private void credentials(final CommandEvent event)
    {
        reader.wrap(event.frame, CommandFrame.BODY_OFFSET);
        Bot bot = bots.find(reader.readString(text));
        if (bot == null && text.isEmpty())
        {
            reader.readString(text);
            bot = text.isEmpty() ? null : bots.findBySecretHash(text);
        }
        if (bot == null)
        {
            event.reject(ResultCode.NOT_FOUND, "bot not found", "bot");
            return;
        }
        final JsonWriter out = context.beginJson(event).startObject();
        out.name("bot_id").string(bot.id);
        out.name("name").string(bot.name);
        out.name("status").string(statusName(bot.status));
        out.name("secret_sha256").hex(bot.secretHash);
        out.name("sealed_secret").hex(bot.sealedSecret);
        out.endObject();
        context.endJson(event);
        event.result = ResultCode.OK;
    }

    // ---- helpers ----

    private Member defaultMember(final Account account)
    {
        return new Member(account, GroupBodies.SIZING_MULTIPLIER, io.ordergate.fixed.FixedPoint.pow10(io.ordergate.engine.command.NewOrderBody.WIRE_DIGITS),
            null, new String[0][], new String[context.instruments().count()]);
    }

    private Bot find(final String idOrName)
    {
        for (int i = 0; i < bots.count(); i++)
        {
            final Bot bot = bots.get(i);
            if (bot.id.equals(idOrName) || bot.name.equals(idOrName))
            {
                return bot;
            }
        }
        return null;
    }

    private static byte[] bytes(final BodyReader reader)
    {
        final int length = reader.readInt();
        final byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++)
        {
            bytes[i] = reader.readByte();
        }
        return bytes;
    }

    public static String statusName(final int status)
    {
        switch (status)
        {
            case GroupBodies.BOT_ACTIVE: return "ACTIVE";
            case GroupBodies.BOT_PAUSED: return "PAUSED";
            case GroupBodies.BOT_STOPPED: return "STOPPED";
            default: return null;
        }
    }

    private boolean admin(final CommandEvent event)
    {
        if (!context.principals().isAdmin(event.principal()))
        {
            event.reject(ResultCode.FORBIDDEN, "admin scope required", null);
            return false;
        }
        return true;
    }

    private Bot adminBot(final CommandEvent event)
    {
        reader.wrap(event.frame, CommandFrame.BODY_OFFSET);
        final Bot bot = bots.find(reader.readString(text));
        if (!admin(event))
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

    private void answerBot(final CommandEvent event, final Bot bot, final ResultCode code)
    {
        writeBot(context.beginJson(event), bot);
        context.endJson(event);
        event.result = code;
    }

    private void writeBot(final JsonWriter out, final Bot bot)
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
}
