package io.ordergate.engine.order;

import io.ordergate.engine.account.Account;
import io.ordergate.engine.command.AsciiView;
import io.ordergate.engine.command.NewOrderBody;
import io.ordergate.engine.command.OrderTerms;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.instrument.Instrument;

/**
 * The arguments and outcome of one pass down the single-order path ({@link OrderEntry#place}): the
 * {@link OrderTerms} of a NEW_ORDER, or of one child of a group order or webhook signal, with where and why it is
 * placed. Reused, never allocated per order.
 * <b>Not thread safe</b>: a scratch object of the engine thread.
 */
public final class OrderPlacement extends OrderTerms
{
    private static final AsciiView EMPTY = new AsciiView();

    // ---- in, beside the terms ----
    public Account account;
    /** Null when the symbol is unknown: the order is recorded rejected with the {@link #symbol} as sent. */
    public Instrument instrument;
    /** Empty for none; idempotency is per account. */
    public AsciiView clientOrderId = EMPTY;
    /** The member's name for the instrument at its venue, or null. */
    public String venueSymbol;
    public long groupOrderId;
    /** Why the engine made the order itself ("close", "terminate", ...), or null. */
    public String origin;
    /**
     * A kill switch above the account (a paused group or bot): when set, an order that does not only reduce a
     * position is recorded rejected with this code.
     */
    public ResultCode pausedBy;
    public long nowMicros;

    // ---- out ----
    /** The order recorded (accepted, routed, filled or rejected), or null when the placement was refused before. */
    public Order order;
    public String message;
    public String field;
    /** Set by {@link OrderEntry#validatePrices}: the limit/stop price, the price the order is expected to trade at
     *  (NONE for a market order without a quote), and the stops as prices (NONE when absent), in price units. */
    public long checkedPrice;
    public long checkedReference;
    public long checkedStopLoss;
    public long checkedTakeProfit;
    /** Set by {@link OrderEntry#validatePrices}: the trailing distance, a percent (wire digits) or price units, or 0. */
    public long checkedTrailingPct;
    public long checkedTrailingDistance;

    /** Clears every field; the caller then sets what it needs. */
    public OrderPlacement reset()
    {
        clearTerms();
        return clearBesideTerms();
    }

    /**
     * Starts a placement from a decoded NEW_ORDER body: its terms and client order id, everything else cleared (the
     * account and instrument are resolved by the caller).
     */
    OrderPlacement resetTo(final NewOrderBody body)
    {
        copyTerms(body);
        clearBesideTerms();
        clientOrderId = body.clientOrderId;
        return this;
    }

    private OrderPlacement clearBesideTerms()
    {
        account = null;
        instrument = null;
        clientOrderId = EMPTY;
        venueSymbol = null;
        groupOrderId = 0;
        origin = null;
        pausedBy = null;
        nowMicros = 0;
        order = null;
        message = null;
        field = null;
        checkedPrice = 0;
        checkedReference = 0;
        checkedStopLoss = 0;
        checkedTakeProfit = 0;
        checkedTrailingPct = 0;
        checkedTrailingDistance = 0;
        return this;
    }
}
