package io.ordergate.exchange.venue;

import io.ordergate.engine.EngineContext;
import io.ordergate.engine.Wire;
import io.ordergate.engine.account.Account;
import io.ordergate.engine.command.AsciiView;
import io.ordergate.engine.command.BodyReader;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.OrderStatus;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.instrument.Instrument;
import io.ordergate.engine.order.Order;
import io.ordergate.engine.order.Trade;
import io.ordergate.engine.position.Position;
import io.ordergate.engine.position.PositionStops;
import io.ordergate.fixed.FixedPoint;
import io.ordergate.fixed.Money;

/**
 * The exchange's reports on orders and start-up recovery, on the engine thread. A report carries
 * the exchange's cumulative figures, so a fill is booked once however often (stream, answer, reconciliation) the same
 * state arrives: only the part beyond what the order already has is booked, at its own price. A report for an order
 * already done changes nothing. <b>Not thread safe</b>: engine thread.
 */
final class ExchangeFlow
{
    private final EngineContext context;
    private final ExchangeAccounts accounts;
    private final ExchangeVenue venue;
    private final BodyReader reader = new BodyReader();
    private final AsciiView text = new AsciiView();
    private final AsciiView venueOrderIdText = new AsciiView();
    private final AsciiView codeText = new AsciiView();
    private final AsciiView messageText = new AsciiView();
    /** Cumulative quote amount booked per order (exchange digits), for the price of the next part. */
    private final org.agrona.collections.Long2LongHashMap bookedQuote = new org.agrona.collections.Long2LongHashMap(0);

    ExchangeFlow(final EngineContext context, final ExchangeAccounts accounts, final ExchangeVenue venue)
    {
        this.context = context;
        this.accounts = accounts;
        this.venue = venue;
    }

    /** EXCHANGE_REPORT (system): settles an order by what the exchange said. */
    void report(final CommandEvent event)
    {
        final Account account = exchangeAccount(event);
        if (account == null)
        {
            return;
        }
        final long now = event.wallMicros();
        final Order order = context.orders().get(reader.readLong());
        final int kind = reader.readByte();
        final int status = reader.readByte();
        final long cumulativeQty = reader.readLong();
        final long cumulativeQuote = reader.readLong();
        // views over the frame: a report in the steady state (a fill) makes no String
        final AsciiView venueOrderId = reader.readString(venueOrderIdText);
        final AsciiView code = reader.readString(codeText);
        final AsciiView message = reader.readString(messageText);
        final long untilMillis = reader.readLong();
        final boolean feeTold = reader.position() < event.frameLength();
        final long fee = feeTold ? reader.readLong() : 0;
        final long feeQuantity = feeTold ? reader.readLong() : 0;
        if (kind == ExchangeBodies.REPORT_UNAVAILABLE)
        {
            accounts.entry(account.index).bannedUntilMicros = Math.max(accounts.entry(account.index).bannedUntilMicros, untilMillis * 1_000);
        }
        if (order == null || order.accountIndex != account.index)
        {
            event.reject(ResultCode.NOT_FOUND, "no such order of the account", "order_id");
            return;
        }
        if (!order.status.isTerminal())
        {
            context.changes().order(order);  // streams, webhooks and logs hear of what the report does to it
            switch (kind)
            {
                case ExchangeBodies.REPORT_STATE:
                    state(order, account, status, cumulativeQty, cumulativeQuote, fee, feeQuantity, venueOrderId, now);
                    break;
                case ExchangeBodies.REPORT_REJECTED:
                    finish(order, account);
                    order.reject(ResultCode.VENUE_REJECTED, (code.isEmpty() ? "" : code + " ") + message, now);  // rare: may allocate
                    break;
                case ExchangeBodies.REPORT_UNAVAILABLE:
                    finish(order, account);
                    order.reject(ResultCode.VENUE_UNAVAILABLE, message.toString(), now);
                    break;
                case ExchangeBodies.REPORT_UNKNOWN:
                    order.status = OrderStatus.UNKNOWN;
                    order.updatedAtMicros = now;
                    break;
                default:
                    event.reject(ResultCode.VALIDATION_ERROR, "unknown report kind", null);
                    return;
            }
            if (order.status.isTerminal())
            {
                PositionStops.closeEnded(account, order);  // a stop's close the exchange refused: its leg is back on the position
            }
        }
        else if (kind == ExchangeBodies.REPORT_STATE)
        {
            // a fill first learnt without its commission (a futures REST answer beat the stream): the stream's report still books it
            final long due = feeDue(order, cumulativeQty, fee, feeQuantity);
            if (due != 0)
            {
                context.changes().order(order);
                chargeLater(order, account, context.instruments().get(order.instrumentIndex), due, now);
            }
        }
        context.answerOrder(event, order, ResultCode.OK);
    }

    private void state(final Order order, final Account account, final int status, final long cumulativeQty, final long cumulativeQuote,
        final long fee, final long feeQuantity, final AsciiView venueOrderId, final long now)
    {
        final Instrument instrument = context.instruments().get(order.instrumentIndex);
        final long filled = Wire.exact(cumulativeQty, order.quantityDigits) == Wire.INEXACT
            ? FixedPoint.rescale(cumulativeQty, ExchangeBodies.EXCHANGE_DIGITS, order.quantityDigits)
            : Wire.exact(cumulativeQty, order.quantityDigits);
        final long part = Math.min(filled, order.quantity) - order.filledQuantity;
        final long feeDue = feeDue(order, cumulativeQty, fee, feeQuantity);
        if (part > 0)
        {
            final long quoteBefore = bookedQuote.get(order.orderId);
            final long partQuote = cumulativeQuote - quoteBefore;
            // the part's price = its quote amount / its quantity, at exchange digits, then at the instrument's
            final long price = FixedPoint.rescale(FixedPoint.mulDiv(partQuote, FixedPoint.pow10(order.quantityDigits), part),
                ExchangeBodies.EXCHANGE_DIGITS, order.priceDigits);
            final Position position = account.positions[instrument.index];
            final long before = position.quantity;
            final Trade trade = context.ledger().fill(account, instrument, order.side, part, price, order.orderId,
                feeMoney(account, instrument, feeDue, price), now);
            order.positionId = trade.positionId;
            order.lastTradeId = trade.tradeId;
            order.filledQuantity += part;
            order.averagePrice = FixedPoint.rescale(FixedPoint.mulDiv(cumulativeQuote, FixedPoint.pow10(order.quantityDigits), order.filledQuantity),
                ExchangeBodies.EXCHANGE_DIGITS, order.priceDigits);
            bookedQuote.put(order.orderId, cumulativeQuote);
            PositionStops.protect(position, before, order);
            ExchangePositionFlow.noteFill(accounts.entry(account.index), instrument, now);  // a positions read older than this may lack it
        }
        else if (feeDue != 0)
        {
            chargeLater(order, account, instrument, feeDue, now);  // the fill came earlier without its commission
        }
        if (!venueOrderId.isEmpty() && order.venueOrderId == 0)
        {
            order.venueOrderId = parseId(venueOrderId);
            order.venuePrefix = "";
        }
        order.updatedAtMicros = now;
        switch (status)
        {
            case ExchangeBodies.STATUS_FILLED:
                finish(order, account);
                order.status = OrderStatus.FILLED;
                break;
            case ExchangeBodies.STATUS_CANCELLED:
                finish(order, account);
                order.status = OrderStatus.CANCELLED;
                break;
            case ExchangeBodies.STATUS_EXPIRED:
            case ExchangeBodies.STATUS_REJECTED:
                finish(order, account);
                order.status = order.filledQuantity > 0 || status == ExchangeBodies.STATUS_EXPIRED ? OrderStatus.EXPIRED : OrderStatus.REJECTED;
                break;
            case ExchangeBodies.STATUS_PARTIALLY_FILLED:
                order.status = OrderStatus.PARTIALLY_FILLED;
                break;
            default:
                order.status = order.filledQuantity > 0 ? OrderStatus.PARTIALLY_FILLED : OrderStatus.ACCEPTED;
        }
    }

    /**
     * The commission a report tells that is not booked yet (quote asset, exchange digits), noted on the order as booked.
     * A report tells {@code fee} for the last {@code feeQuantity} of {@code cumulativeQty}: a stream event for its
     * trade, a full answer or a query for the whole order. A whole-order figure books what it exceeds the booked by; a
     * trade's books its share of the quantity not yet covered; a report older than what is covered books nothing.
     * Apart from the filled quantity, so a fill learnt first without a commission still gets it, once.
     */
    static long feeDue(final Order order, final long cumulativeQty, final long fee, final long feeQuantity)
    {
        if (feeQuantity <= 0 || fee == 0 || cumulativeQty < order.feeCoveredQuantity)
        {
            return 0;
        }
        final long from = cumulativeQty - feeQuantity;
        final long due;
        if (from <= 0)
        {
            due = fee - order.feeBooked;
            if (due == 0 || due > 0 != fee > 0)
            {
                return 0;  // a whole-order charge only grows: an older or equal figure books nothing
            }
        }
        else
        {
            final long uncovered = cumulativeQty - Math.max(from, order.feeCoveredQuantity);
            if (uncovered <= 0)
            {
                return 0;
            }
            due = FixedPoint.mulDiv(fee, uncovered, feeQuantity);
        }
        order.feeBooked += due;
        order.feeCoveredQuantity = cumulativeQty;
        return due;
    }

    /**
     * Books a commission told after its fill onto the order's newest trade, found by its id (the balance alone once the
     * trade table has forgotten it), and through it where the fill's fee would have gone ({@code Ledger.chargeLater}).
     */
    private void chargeLater(final Order order, final Account account, final Instrument instrument, final long quoteFee, final long now)
    {
        final Trade remembered = context.trades().byId(order.lastTradeId);
        final Trade trade = remembered != null && remembered.orderId == order.orderId ? remembered : null;
        final long price = trade != null ? trade.price : order.averagePrice;
        final long money = feeMoney(account, instrument, quoteFee, price == io.ordergate.engine.command.OrderView.NONE ? 0 : price);
        if (trade == null)
        {
            context.ledger().book(account, -money, now);
            return;
        }
        context.ledger().chargeLater(account, instrument, trade, money, now);
        context.trades().changed(trade);
    }

    /**
     * A commission in the quote asset (exchange digits) in the account's money: as is when the account counts in the
     * quote currency, divided by the price when it counts in the base; 0 when neither.
     */
    static long feeMoney(final Account account, final Instrument instrument, final long quoteFee, final long price)
    {
        if (quoteFee == 0)
        {
            return 0;
        }
        if (account.currency.equals(instrument.quoteCurrency))
        {
            return FixedPoint.rescale(quoteFee, ExchangeBodies.EXCHANGE_DIGITS, Money.DIGITS);
        }
        if (account.currency.equals(instrument.baseCurrency) && price > 0)
        {
            return FixedPoint.mulDiv(quoteFee, FixedPoint.pow10(instrument.priceDigits + Money.DIGITS),
                Math.multiplyExact(price, FixedPoint.pow10(ExchangeBodies.EXCHANGE_DIGITS)));
        }
        return 0;
    }

    /** EXCHANGE_RECOVER (system, start-up): routed exchange orders become unknown; every open one is followed again. */
    void recover(final CommandEvent event)
    {
        final long now = event.wallMicros();
        for (int back = context.orders().rememberedSpan() - 1; back >= 0; back--)
        {
            final Order order = context.orders().newest(back);
            if (order == null || order.status.isTerminal())
            {
                continue;
            }
            final Account account = context.accounts().get(order.accountIndex);
            if (!io.ordergate.config.VenueKind.exchange(account.venue))
            {
                continue;
            }
            if (order.status == OrderStatus.ROUTED)
            {
                context.changes().order(order);
                order.status = OrderStatus.UNKNOWN;
                order.updatedAtMicros = now;
            }
            venue.follow(order, account, event);
        }
        // Futures settings the exchange never answered for are sent again (setting a value twice is harmless).
        for (int a = 0; a < context.accounts().count(); a++)
        {
            final ExchangeAccounts.Entry entry = context.accounts().isRemoved(a) ? null : accounts.find(a);
            if (entry == null)
            {
                continue;
            }
            for (final java.util.Map.Entry<String, ExchangeAccounts.Futures> setting : entry.futures.entrySet())
            {
                if (setting.getValue().status == ExchangeAccounts.SETTINGS_PENDING)
                {
                    venue.sendSettings(context.accounts().get(a), setting.getKey(), setting.getValue(), event);
                }
            }
        }
        event.result = ResultCode.OK;
    }

    private void finish(final Order order, final Account account)
    {
        account.openOrders = Math.max(0, account.openOrders - 1);
        venue.workingOrders().ended(order);
        bookedQuote.remove(order.orderId);
    }

    private Account exchangeAccount(final CommandEvent event)
    {
        reader.wrap(event.frame, CommandFrame.BODY_OFFSET);
        final Account account = context.accounts().find(reader.readString(text));
        if (account == null || !io.ordergate.config.VenueKind.exchange(account.venue))
        {
            event.reject(ResultCode.NOT_FOUND, "no exchange account with this account_id", "account_id");
            return null;
        }
        return account;
    }

    /** The exchange's order id when it is a number (Binance's are), else 0; reads the bytes in place. */
    private static long parseId(final AsciiView id)
    {
        long value = 0;
        for (int i = 0; i < id.length(); i++)
        {
            final byte b = id.byteAt(i);
            if (b < '0' || b > '9' || value > (Long.MAX_VALUE - 9) / 10)
            {
                return 0;
            }
            value = value * 10 + (b - '0');
        }
        return value;
    }
}
