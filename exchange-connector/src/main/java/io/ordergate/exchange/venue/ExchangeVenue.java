package io.ordergate.exchange.venue;

import io.ordergate.engine.EngineContext;
import io.ordergate.engine.account.Account;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.OrderStatus;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.instrument.Instrument;
import io.ordergate.engine.order.Order;
import io.ordergate.engine.view.JsonWriter;

/**
 * The exchange venue on the engine thread: an order of an exchange account is marked {@code routed} and written
 * into the outbox for the connector's I/O, which sends it under a client order id derived from the account's
 * namespace and the order id; the exchange's answers come back as journaled {@code EXCHANGE_REPORT}s. Fills are
 * booked on the engine's net positions. While the exchange's ban is in force an order is refused at once with
 * 503 {@code VENUE_UNAVAILABLE}, never queued. <b>Not thread safe</b>: engine thread.
 */
final class ExchangeVenue implements io.ordergate.engine.venue.Venue
{
    private final EngineContext context;
    private final ExchangeAccounts accounts;
    private final ExchangeOutbox outbox = new ExchangeOutbox();

    ExchangeVenue(final EngineContext context, final ExchangeAccounts accounts)
    {
        this.context = context;
        this.accounts = accounts;
    }

    @Override
    public ResultCode route(final Order order, final Account account, final Instrument instrument, final CommandEvent event)
    {
        final long now = event.wallMicros();
        final ExchangeAccounts.Entry entry = accounts.find(account.index);
        if (entry == null || !entry.hasCredentials())
        {
            order.reject(ResultCode.VENUE_REJECTED, "the exchange account has no credentials", now);
            return ResultCode.VENUE_REJECTED;
        }
        if (now < entry.bannedUntilMicros)
        {
            order.reject(ResultCode.VENUE_UNAVAILABLE, "the exchange has banned this client until " + (entry.bannedUntilMicros / 1_000) + " (epoch ms)",
                now);
            return ResultCode.VENUE_UNAVAILABLE;
        }
        order.status = OrderStatus.ROUTED;
        order.updatedAtMicros = now;
        account.openOrders++;
        outbox.write(event, ExchangeOutbox.PLACE, order, ExchangeAccounts.namespace(account.createdAtMicros), entry.testnet);
        return null;
    }

    @Override
    public ResultCode cancel(final Order order, final Account account, final CommandEvent event)
    {
        final ExchangeAccounts.Entry entry = accounts.find(account.index);
        if (order.status.isTerminal() || entry == null)
        {
            return ResultCode.CONFLICT;
        }
        outbox.write(event, ExchangeOutbox.CANCEL, order, ExchangeAccounts.namespace(account.createdAtMicros), entry.testnet);
        return ResultCode.ACCEPTED;
    }

    /** Writes a FOLLOW record for an open order (start-up recovery). */
    void follow(final Order order, final Account account, final CommandEvent event)
    {
        final ExchangeAccounts.Entry entry = accounts.find(account.index);
        outbox.write(event, ExchangeOutbox.FOLLOW, order, ExchangeAccounts.namespace(account.createdAtMicros), entry != null && entry.testnet);
    }

    /** The account view's exchange part: {@code balances} per asset and the masked {@code credentials}. */
    @Override
    public void writeAccountDetails(final Account account, final JsonWriter json)
    {
        final ExchangeAccounts.Entry entry = accounts.find(account.index);
        json.name("balances").startObject();
        if (entry != null)
        {
            for (final java.util.Map.Entry<String, long[]> balance : entry.balances.entrySet())
            {
                final long[] amounts = balance.getValue();
                json.name(balance.getKey()).startObject();
                json.name("total").decimal(amounts[0] + amounts[1], ExchangeBodies.EXCHANGE_DIGITS);
                json.name("available").decimal(amounts[0], ExchangeBodies.EXCHANGE_DIGITS);
                json.name("locked").decimal(amounts[1], ExchangeBodies.EXCHANGE_DIGITS);
                json.endObject();
            }
        }
        json.endObject();
        json.name("credentials");
        if (entry == null || !entry.hasCredentials())
        {
            json.nullValue();
        }
        else
        {
            json.startObject();
            json.name("api_key").string(entry.maskedKey);
            json.name("testnet").bool(entry.testnet);
            json.name("updated_at").time(entry.credentialsUpdatedMicros);
            json.endObject();
        }
        if (entry != null && entry.bannedUntilMicros > 0)
        {
            json.name("venue_unavailable_until").time(entry.bannedUntilMicros);
        }
    }

    @Override
    public long digest()
    {
        return accounts.digest();
    }
}
