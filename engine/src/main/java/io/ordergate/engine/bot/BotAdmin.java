package io.ordergate.engine.bot;

import io.ordergate.engine.EngineContext;
import io.ordergate.engine.account.Account;
import io.ordergate.engine.command.AsciiView;
import io.ordergate.engine.command.BodyReader;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.GroupBodies;
import io.ordergate.engine.command.NewOrderBody;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.group.FanOut;
import io.ordergate.engine.group.FanOuts;
import io.ordergate.engine.group.Group;
import io.ordergate.engine.group.Groups;
import io.ordergate.engine.group.Member;
import io.ordergate.engine.view.JsonWriter;
import io.ordergate.fixed.FixedPoint;

/**
 * <b>Not thread safe</b>: owned by the engine thread. Admin commands, so they may allocate (names, member tables).
 * A bot's life: create, status (active, paused, stopped) and connecting or disconnecting accounts.
 * Terminate is {@link BotTerminate}.
 */
final class BotAdmin
{
    private final EngineContext context;
    private final Bots bots;
    private final Groups groups;
    private final BotAccess access;
    private final BotJson json;
    private final FanOuts fanOuts;
    private final BodyReader reader = new BodyReader();
    private final AsciiView text = new AsciiView();

    BotAdmin(final EngineContext context, final Bots bots, final Groups groups, final BotAccess access, final BotJson json, final FanOuts fanOuts)
    {
        this.context = context;
        this.bots = bots;
        this.groups = groups;
        this.access = access;
        this.json = json;
        this.fanOuts = fanOuts;
    }

    void create(final CommandEvent event)
    {
        if (!context.principals().requireAdmin(event))
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
        final boolean extended = reader.position() < event.frameLength();
        final String baseName = extended ? reader.readString(text).toString() : "";
        final String timeframe = extended ? reader.readString(text).toString() : "";
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
        bot.baseName = baseName;
        bot.timeframe = timeframe;
        bot.status = GroupBodies.BOT_ACTIVE;
        for (final Account account : accounts)
        {
            if (bot.indexOf(account.index) < 0)
            {
                bot.connect(defaultMember(account));
            }
        }
        bots.add(bot);
        json.answer(event, bot, ResultCode.CREATED);
    }

    void status(final CommandEvent event)
    {
        final Bot bot = access.adminBot(event, reader, text);
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
        out.name("success").bool(true).name("bot_id").string(bot.id).name("status").string(BotJson.statusName(status)).endObject();
        context.endJson(event);
        event.result = ResultCode.OK;
    }

    void account(final CommandEvent event)
    {
        final Bot bot = access.adminBot(event, reader, text);
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

    /** PATCH: name, base name, timeframe, group (empty: none), each only when its bit is set. */
    void update(final CommandEvent event)
    {
        final Bot bot = access.adminBot(event, reader, text);
        if (bot == null)
        {
            return;
        }
        final int mask = reader.readInt();
        final String name = reader.readString(text).toString();
        final String baseName = reader.readString(text).toString();
        final String timeframe = reader.readString(text).toString();
        final Group group = groups.find(reader.readString(text));
        if ((mask & GroupBodies.BOT_SET_GROUP) != 0 && !text.isEmpty() && group == null)
        {
            event.reject(ResultCode.VALIDATION_ERROR, "group_id names an unknown group", "group_id");
            return;
        }
        if ((mask & GroupBodies.BOT_SET_NAME) != 0)
        {
            final Bot other = find(name);
            if (name.isEmpty() || (other != null && other != bot))
            {
                event.reject(name.isEmpty() ? ResultCode.VALIDATION_ERROR : ResultCode.CONFLICT,
                    name.isEmpty() ? "name must not be empty" : "another bot has this name or id", "name");
                return;
            }
            bot.rename(name);
        }
        if ((mask & GroupBodies.BOT_SET_BASE_NAME) != 0)
        {
            bot.baseName = baseName;
        }
        if ((mask & GroupBodies.BOT_SET_TIMEFRAME) != 0)
        {
            bot.timeframe = timeframe;
        }
        if ((mask & GroupBodies.BOT_SET_GROUP) != 0)
        {
            bot.group = group;
        }
        bot.updatedAtMicros = event.wallMicros();
        json.answer(event, bot, ResultCode.OK);
    }

    /** DELETE: the bot goes (its accounts and their positions stay); its webhook secret no longer authenticates. */
    void delete(final CommandEvent event)
    {
        final Bot bot = access.adminBot(event, reader, text);
        if (bot == null)
        {
            return;
        }
        bots.remove(bot);
        if (GroupBodies.deleteRules(reader, event.frameLength()) == GroupBodies.DELETE_RULES_KEYS_RETIRED)
        {
            fanOuts.retireOwner(FanOut.KIND_SIGNAL, bot.id);
        }
        final JsonWriter out = context.beginJson(event).startObject();
        out.name("success").bool(true).name("message").string("Bot deleted").name("bot_id").string(bot.id).endObject();
        context.endJson(event);
        event.result = ResultCode.OK;
    }

    private Member defaultMember(final Account account)
    {
        return new Member(account, GroupBodies.SIZING_MULTIPLIER, FixedPoint.pow10(NewOrderBody.WIRE_DIGITS),
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
}
