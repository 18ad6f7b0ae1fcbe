package io.ordergate.exchange.spi;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One REST request a dialect builds: which of the exchange's APIs it goes to, method, path, parameters in the order
 * they are sent, whether it is signed, and what it costs against the exchange's limits. Immutable once built.
 *
 * @param api         the base address it is sent to (spot, or the USDⓈ-M futures API, which Binance serves elsewhere)
 * @param weight      the request weight the exchange charges for it
 * @param placesOrder true when it counts against the exchange's order-rate limits
 */
public record VenueRequest(Kind kind, Api api, String method, String path, Map<String, String> params, boolean signed, int weight,
    boolean placesOrder)
{
    /** What the request is for: the dialect reads the answer accordingly. */
    public enum Kind
    {
        SERVER_TIME, PLACE_ORDER, QUERY_ORDER, CANCEL_ORDER, BALANCES, OPEN_USER_STREAM, KEEP_USER_STREAM, CLOSE_USER_STREAM, SETTING,
        /** A futures account setting (leverage, margin type, position mode): idempotent, "already so" is success. */
        FUTURES_SETTING,
        /** The futures positions ({@code /fapi/v2/positionRisk}), compared with the engine's at every (re)connect. */
        POSITIONS,
        /** One order's fills with their commissions (Binance spot's {@code /api/v3/myTrades}). */
        ORDER_TRADES,
        /** A futures symbol's leverage brackets (Binance USDⓈ-M's {@code /fapi/v1/leverageBracket}): its highest leverage. */
        LEVERAGE_BRACKETS
    }

    /** The exchange's API a request goes to; each has its own base address in the configuration. */
    public enum Api
    {
        SPOT, FUTURES
    }

    public VenueRequest
    {
        params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** A request to the spot API. */
    public VenueRequest(final Kind kind, final String method, final String path, final Map<String, String> params, final boolean signed,
        final int weight, final boolean placesOrder)
    {
        this(kind, Api.SPOT, method, path, params, signed, weight, placesOrder);
    }
}
