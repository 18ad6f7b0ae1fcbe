package io.ordergate.gateway.streams;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.ordergate.engine.change.ChangeJson;
import io.ordergate.engine.change.ChangeSet;
import io.ordergate.engine.change.TradeChange;
import io.ordergate.engine.command.AsciiView;
import io.ordergate.engine.command.BodyReader;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.OrderView;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.view.OrderJson;

/**
 * What commands changed, sent to the subscribers of each account and bot: every order (and each fill of it, as a
 * {@code "fill"} message on the orders channel), position and account of a command's {@link ChangeSet}; accounts
 * valued again while quotes move; seed 003's {@code bot_update} for every bot command that succeeded, with the
 * engine's answer as its data. Each message is rendered once and shared. Never dropped: a subscriber that cannot
 * take one is closed (see {@link StreamSocket#push}). <b>Not thread safe</b>: the fan-out thread.
 */
final class StateUpdates
{
    private final Subscriptions subscriptions;
    private final StreamMessages messages = new StreamMessages();
    private final BodyReader reader = new BodyReader();
    private final AsciiView text = new AsciiView();
    /** The last account message sent per subscribed account, so a re-valuation that changed nothing is not sent. */
    private final Map<String, byte[]> lastAccount = new HashMap<>();
    /** Subscribed accounts whose change came without its valuation: to be read now. */
    final java.util.Set<String> unvalued = new java.util.LinkedHashSet<>();

    StateUpdates(final Subscriptions subscriptions)
    {
        this.subscriptions = subscriptions;
    }

    void changes(final ChangeSet changes)
    {
        for (int i = 0; i < changes.orderCount(); i++)
        {
            final List<Subscriptions.Entry> entries = subscriptions.ofAccount(changes.order(i).accountId);
            if (entries != null && any(entries, StreamChannel.ORDERS))
            {
                send(entries, StreamChannel.ORDERS, orderMessage(changes.order(i)));
            }
        }
        for (int i = 0; i < changes.tradeCount(); i++)
        {
            final List<Subscriptions.Entry> entries = subscriptions.ofAccount(changes.trade(i).accountId);
            if (entries != null && any(entries, StreamChannel.ORDERS))
            {
                send(entries, StreamChannel.ORDERS, fillMessage(changes.trade(i)));
            }
        }
        for (int i = 0; i < changes.positionCount(); i++)
        {
            final List<Subscriptions.Entry> entries = subscriptions.ofAccount(changes.position(i).accountId);
            if (entries != null && any(entries, StreamChannel.POSITIONS))
            {
                ChangeJson.position(changes.position(i), messages.begin("position"));
                send(entries, StreamChannel.POSITIONS, messages.end());
            }
        }
        for (int i = 0; i < changes.accountCount(); i++)
        {
            final String accountId = changes.account(i).accountId;
            final List<Subscriptions.Entry> entries = subscriptions.ofAccount(accountId);
            if (entries != null && any(entries, StreamChannel.ACCOUNT))
            {
                if (!changes.account(i).valued)
                {
                    unvalued.add(accountId);  // valued by a read through the ring instead (the engine had just been asked to value)
                    continue;
                }
                ChangeJson.account(changes.account(i), messages.begin("account"));
                final byte[] message = messages.end();
                lastAccount.put(accountId, message);
                send(entries, StreamChannel.ACCOUNT, message);
            }
        }
    }

    /** An order as a command left it, as the orders channel sends it. */
    byte[] orderMessage(final OrderView order)
    {
        OrderJson.write(order, messages.begin("order"));
        return messages.end();
    }

    /** A fill, as the orders channel sends it. */
    byte[] fillMessage(final TradeChange trade)
    {
        ChangeJson.trade(trade, messages.begin("fill"));
        return messages.end();
    }

    /**
     * A subscriber to the account joined, from its snapshot: the next valuation is sent whatever was sent before (the
     * last one sent may be older than the snapshot, and equal to a valuation this subscriber has not seen).
     */
    void joined(final String accountId)
    {
        lastAccount.remove(accountId);
    }

    void refreshed(final String accountId, final CommandEvent event)
    {
        final List<Subscriptions.Entry> entries = subscriptions.ofAccount(accountId);
        if (entries == null || event.result != ResultCode.OK || event.outputKind != CommandEvent.OUTPUT_JSON)
        {
            lastAccount.remove(accountId);
            return;
        }
        messages.begin("account").raw(event.output, 0, event.outputLength);
        final byte[] message = messages.end();
        if (!java.util.Arrays.equals(message, lastAccount.get(accountId)))
        {
            lastAccount.put(accountId, message);
            send(entries, StreamChannel.ACCOUNT, message);
        }
    }

    void botUpdate(final CommandEvent event)
    {
        reader.wrap(event.frame, CommandFrame.BODY_OFFSET);
        final String botId = reader.readString(text).toString();
        final List<Subscriptions.Entry> entries = subscriptions.ofBot(botId);
        if (entries == null)
        {
            return;
        }
        final io.ordergate.engine.view.JsonWriter json = messages.beginWithout("bot_update").name("bot_id").string(botId).name("data");
        if (event.outputKind == CommandEvent.OUTPUT_JSON)
        {
            json.raw(event.output, 0, event.outputLength);
        }
        else
        {
            json.startObject().name("result").string(event.result.name()).endObject();
        }
        json.name("timestamp").time(event.wallMicros());
        send(entries, StreamChannel.BOT, messages.end());
    }

    /**
     * DELETE_ACCOUNT succeeded: its subscriptions end here, in command order, each told with an error naming it (the
     * gateway's copies of the keys' and users' account lists may still name the id, and an account made again under
     * it is another account, which they must not get).
     */
    void accountDeleted(final CommandEvent event)
    {
        final String accountId = deletedAccount(event);
        lastAccount.remove(accountId);
        unvalued.remove(accountId);
        final List<Subscriptions.Entry> entries = subscriptions.removeAccount(accountId);
        for (final Subscriptions.Entry entry : entries == null ? List.<Subscriptions.Entry>of() : entries)
        {
            if (entry.live())
            {
                entry.socket().endAndTell(new StreamRequest(StreamRequest.Type.UNSUBSCRIBE, entry.channel(), accountId, null, entry.key()),
                    entry.generation());
            }
        }
    }

    /** The account a DELETE_ACCOUNT names. */
    static String deletedAccount(final CommandEvent event)
    {
        return new BodyReader().wrap(event.frame, CommandFrame.BODY_OFFSET).readString(new AsciiView()).toString();
    }

    static boolean isBotCommand(final CommandType type)
    {
        return type == CommandType.CREATE_BOT || type == CommandType.SET_BOT_STATUS || type == CommandType.BOT_ACCOUNT
            || type == CommandType.TERMINATE_BOT || type == CommandType.WEBHOOK_SIGNAL;
    }

    private static boolean any(final List<Subscriptions.Entry> entries, final StreamChannel channel)
    {
        for (final Subscriptions.Entry entry : entries)
        {
            if (entry.channel() == channel)
            {
                return true;
            }
        }
        return false;
    }

    private static void send(final List<Subscriptions.Entry> entries, final StreamChannel channel, final byte[] message)
    {
        for (final Subscriptions.Entry entry : entries)
        {
            if (entry.channel() == channel && entry.live())
            {
                entry.socket().push(message);
            }
        }
    }
}
