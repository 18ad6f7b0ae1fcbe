package io.ordergate.simulators.exchange;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * One order on the simulated exchange, in the exchange's own terms (statuses NEW, PARTIALLY_FILLED, FILLED,
 * CANCELED, EXPIRED). <b>Not thread safe</b>: guarded by the {@link SpotMarket}'s lock.
 */
final class SpotOrder
{
    final SpotAccount account;
    final SymbolRules rules;
    final long orderId;
    final String clientOrderId;
    final String side;
    final String type;
    /** null for MARKET and STOP_LOSS orders, which take no time in force. */
    final String timeInForce;
    /** The limit price, or zero for MARKET and STOP_LOSS. */
    final BigDecimal price;
    /** The trigger price, or zero for orders without one. */
    final BigDecimal stopPrice;
    final BigDecimal origQty;
    final long time;
    /** Exchange time before which a query by id answers "does not exist" (the not-found fault), else 0. */
    final long visibleFrom;
    BigDecimal executedQty = BigDecimal.ZERO;
    BigDecimal cummulativeQuoteQty = BigDecimal.ZERO;
    /** The commission its fills charged so far, in the asset each brought in (an order's fills all bring the same one). */
    BigDecimal commission = BigDecimal.ZERO;
    String commissionAsset = "";
    /** Its fills, oldest first, for {@code GET /api/v3/myTrades}. */
    final List<SpotAnswers.AccountTrade> trades = new ArrayList<>();
    String status = "NEW";
    long updateTime;
    /** A stop order waits for its trigger off the book. */
    boolean triggered;
    /** What the order holds of the account while open: quote asset for a buy, base asset for a sell. */
    BigDecimal locked = BigDecimal.ZERO;
    /** Set once a late or partial fill is scheduled, so the quote matcher leaves the order to it. */
    boolean fillScheduled;

    SpotOrder(final SpotAccount account, final SymbolRules rules, final long orderId, final String clientOrderId, final String side,
        final String type, final String timeInForce, final BigDecimal price, final BigDecimal stopPrice, final BigDecimal origQty,
        final long time, final long visibleFrom)
    {
        this.account = account;
        this.rules = rules;
        this.orderId = orderId;
        this.clientOrderId = clientOrderId;
        this.side = side;
        this.type = type;
        this.timeInForce = timeInForce;
        this.price = price;
        this.stopPrice = stopPrice;
        this.origQty = origQty;
        this.time = time;
        this.updateTime = time;
        this.visibleFrom = visibleFrom;
    }

    boolean buy()
    {
        return "BUY".equals(side);
    }

    boolean open()
    {
        return "NEW".equals(status) || "PARTIALLY_FILLED".equals(status);
    }

    boolean isStop()
    {
        return "STOP_LOSS".equals(type) || "STOP_LOSS_LIMIT".equals(type) || "TAKE_PROFIT".equals(type) || "TAKE_PROFIT_LIMIT".equals(type);
    }

    /** A market order, or a stop whose trigger turns it into one. */
    boolean marketOnTrigger()
    {
        return "MARKET".equals(type) || "STOP_LOSS".equals(type) || "TAKE_PROFIT".equals(type);
    }

    BigDecimal remaining()
    {
        return origQty.subtract(executedQty);
    }

    /** On the book: resting, not a stop still waiting for its trigger. */
    boolean working()
    {
        return open() && (!isStop() || triggered);
    }
}
