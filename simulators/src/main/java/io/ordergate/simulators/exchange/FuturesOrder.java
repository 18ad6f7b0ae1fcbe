package io.ordergate.simulators.exchange;

import java.math.BigDecimal;

/**
 * One USDⓈ-M futures order on the simulated exchange, in the futures API's terms (types LIMIT, MARKET, STOP,
 * STOP_MARKET, TAKE_PROFIT, TAKE_PROFIT_MARKET; position side BOTH, LONG or SHORT). <b>Not thread safe</b>: guarded by
 * the {@link SpotMarket}'s lock.
 */
final class FuturesOrder
{
    final SpotAccount account;
    final SymbolRules rules;
    final long orderId;
    final FuturesOrderRequest request;
    final long time;
    /** Exchange time before which a query answers "does not exist" (the not-found fault), else the order's time. */
    final long visibleFrom;
    BigDecimal executedQty = BigDecimal.ZERO;
    BigDecimal cumQuote = BigDecimal.ZERO;
    String status = "NEW";
    long updateTime;
    boolean triggered;
    /** The late or partial fill fault holds this order's fills for the scheduler (it fills at the quote of each part's moment). */
    boolean fillScheduled;

    FuturesOrder(final SpotAccount account, final SymbolRules rules, final long orderId, final FuturesOrderRequest request, final long time,
        final long visibleFrom)
    {
        this.account = account;
        this.rules = rules;
        this.orderId = orderId;
        this.request = request;
        this.time = time;
        this.updateTime = time;
        this.visibleFrom = visibleFrom;
    }

    boolean buy()
    {
        return "BUY".equals(request.side());
    }

    boolean open()
    {
        return "NEW".equals(status) || "PARTIALLY_FILLED".equals(status);
    }

    boolean isStop()
    {
        return request.type().startsWith("STOP") || request.type().startsWith("TAKE_PROFIT");
    }

    /** Fills at the quote once working: MARKET, or a *_MARKET stop once triggered. */
    boolean marketOnTrigger()
    {
        return "MARKET".equals(request.type()) || request.type().endsWith("_MARKET");
    }

    BigDecimal remaining()
    {
        return request.quantity().subtract(executedQty);
    }

    BigDecimal averagePrice()
    {
        return executedQty.signum() == 0 ? BigDecimal.ZERO
            : cumQuote.divide(executedQty, SymbolRules.PRECISION, java.math.RoundingMode.HALF_EVEN);
    }
}
