package io.ordergate.engine.account;

/**
 * An account's pre-trade limits. Zero means "no limit". Quantities and the collar percent are kept at the wire's
 * 8 digits (they apply across instruments of different scales); money at {@link io.ordergate.fixed.Money#DIGITS}.
 * <b>Not thread safe</b>: owned by the engine thread.
 */
public final class RiskLimits
{
    public long maxOrderQuantity;
    public long maxPositionQuantity;
    public long maxOpenOrders;
    public long maxOrdersPerSecond;
    public long maxNotional;
    public long priceCollarPct;
    public long maxDailyLoss;
}
