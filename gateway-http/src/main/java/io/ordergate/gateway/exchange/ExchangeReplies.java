package io.ordergate.gateway.exchange;

import java.math.BigDecimal;

import io.ordergate.config.VenueKind;
import io.ordergate.engine.command.AsciiView;
import io.ordergate.engine.command.BodyReader;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.NewOrderBody;
import io.ordergate.exchange.venue.ExchangeBodies;
import io.ordergate.exchange.venue.ExchangeOutbox;
import io.ordergate.gateway.core.ChannelFlushes;
import io.ordergate.gateway.core.ReplyListener;

/**
 * The exchange part of the reply stage: learns each account's sealed credentials and removals from the journal
 * (replayed and new), and hands the exchange records of each event's outbox to the connector's I/O. Quotes are kept by
 * the connector (it values market orders at them against the exchange's minimum notional) and passed on to a listener
 * (the demo's simulated exchange matches at the gateway's prices). <b>Not thread safe</b>: reply thread (and the
 * replaying thread before it starts).
 */
public final class ExchangeReplies implements ReplyListener, io.ordergate.gateway.core.StateBesideEngine
{
    private final ExchangeIo io;
    private final BodyReader reader = new BodyReader();
    private final AsciiView text = new AsciiView();
    private volatile QuoteListener quotes;

    /** Receives each applied quote (symbol, bid, ask). */
    @FunctionalInterface
    public interface QuoteListener
    {
        void quote(String symbol, BigDecimal bid, BigDecimal ask);
    }

    public ExchangeReplies(final ExchangeIo io)
    {
        this.io = io;
    }

    public void quotes(final QuoteListener listener)
    {
        this.quotes = listener;
    }

    /** The credentials and the last quotes, as the live run left them (the minimum-notional check reads the quotes). */
    @Override
    public void onReplayed(final CommandEvent event)
    {
        credentials(event);
        if (event.type == CommandType.QUOTES && event.result != null && event.result.isSuccess())
        {
            eachQuote(event, io::quote);
        }
    }

    /**
     * Cluster form, on a member that does not lead: the credentials and the quotes, as the leader keeps them, so this
     * member is ready to send the moment it leads; nothing is handed to the connector (the leader sends).
     */
    @Override
    public void onFollowing(final CommandEvent event, final ChannelFlushes flushes)
    {
        credentials(event);
        if (event.type == CommandType.EXCHANGE_BALANCES)
        {
            io.syncs().applied(event);
        }
        if (event.type == CommandType.QUOTES && event.result != null && event.result.isSuccess())
        {
            eachQuote(event, io::quote);
        }
    }

    @Override
    public void leading(final boolean leading)
    {
        io.following(!leading);
    }

    @Override
    public void onResult(final CommandEvent event, final ChannelFlushes flushes)
    {
        credentials(event);
        if (event.type == CommandType.EXCHANGE_SYNC_REQUEST && event.result != null && event.result.isSuccess())
        {
            io.syncs().leaderReads(event, io, io.publisher());
        }
        if (event.type == CommandType.EXCHANGE_BALANCES)
        {
            io.syncs().applied(event);
        }
        if (event.outboxCount > 0)
        {
            ExchangeOutbox.read(event).forEach(io::handle);
        }
        if (event.type == CommandType.QUOTES && event.result != null && event.result.isSuccess())
        {
            final QuoteListener listener = quotes;
            eachQuote(event, listener == null ? io::quote : (symbol, bid, ask) ->
            {
                io.quote(symbol, bid, ask);
                listener.quote(symbol, bid, ask);
            });
        }
    }

    /** Credentials set (alone, or with a new account, or with a new account and its expert) or an account removed: the connector's links follow. */
    private void credentials(final CommandEvent event)
    {
        if (event.result == null || !event.result.isSuccess())
        {
            return;
        }
        if (event.type == CommandType.DELETE_ACCOUNT)
        {
            reader.wrap(event.frame, CommandFrame.BODY_OFFSET);
            io.remove(reader.readString(text).toString());
            return;
        }
        if (event.type == CommandType.CREATE_ACCOUNT)
        {
            // an exchange account made without credentials (the configuration's): its venue, for the credentials set later
            reader.wrap(event.frame, CommandFrame.BODY_OFFSET);
            final String accountId = reader.readString(text).toString();
            final VenueKind venue = VenueKind.fromCode(reader.readByte());
            if (venue != null && venue.exchange())
            {
                io.venue(accountId, venue);
            }
            return;
        }
        final boolean created = event.type == CommandType.EXCHANGE_CREATE_ACCOUNT || event.type == CommandType.EXCHANGE_CREATE_EXPERT;
        if (event.type != CommandType.EXCHANGE_CREDENTIALS && !created)
        {
            return;
        }
        reader.wrap(event.frame, CommandFrame.BODY_OFFSET);
        final String accountId = reader.readString(text).toString();
        VenueKind venue = null;  // credentials alone keep the account's venue
        if (created)
        {
            venue = VenueKind.fromCode(reader.readByte());
            reader.readString(text); // currency
            reader.readLong();       // balance
            reader.readInt();        // leverage
        }
        final boolean testnet = reader.readBoolean();
        reader.readString(text);  // the masked key, for answers only
        final String key = reader.readString(text).toString();
        final String secret = reader.readString(text).toString();
        final String passphrase = reader.readString(text).toString();
        Boolean futures = null;  // credentials alone keep the account's market
        if (created)
        {
            reader.readByte();  // how it answers
            final int bodyEnd = CommandFrame.BODY_OFFSET + event.frame.getInt(CommandFrame.BODY_LENGTH_OFFSET);
            futures = reader.position() < bodyEnd && reader.readByte() == ExchangeBodies.MARKET_FUTURES;
        }
        io.credentials(accountId, new SealedCredentials(testnet, key, secret, passphrase.isEmpty() ? null : passphrase, futures, venue));
    }

    private void eachQuote(final CommandEvent event, final QuoteListener listener)
    {
        reader.wrap(event.frame, CommandFrame.BODY_OFFSET);
        final int count = reader.readInt();
        for (int i = 0; i < count; i++)
        {
            final String symbol = reader.readString(text).toString();
            final long bid = reader.readLong();
            final long ask = reader.readLong();
            listener.quote(symbol, BigDecimal.valueOf(bid, NewOrderBody.WIRE_DIGITS), BigDecimal.valueOf(ask, NewOrderBody.WIRE_DIGITS));
        }
    }

    @Override
    public void stateRoots(final java.util.Map<String, Object> roots)
    {
        roots.put("exchange.sealed_credentials", io.sealedCredentials());
        roots.put("exchange.quotes", io.lastQuotes());
    }
}
