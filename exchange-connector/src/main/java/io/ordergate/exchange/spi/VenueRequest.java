package io.ordergate.exchange.spi;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One REST request a dialect builds: method, path, parameters in the order they are sent, whether it is signed, and
 * what it costs against the exchange's limits. Immutable once built.
 *
 * @param weight      the request weight the exchange charges for it
 * @param placesOrder true when it counts against the exchange's order-rate limits
 */
public record VenueRequest(Kind kind, String method, String path, Map<String, String> params, boolean signed, int weight, boolean placesOrder)
{
    /** What the request is for: the dialect reads the answer accordingly. */
    public enum Kind
    {
        SERVER_TIME, PLACE_ORDER, QUERY_ORDER, CANCEL_ORDER, BALANCES, OPEN_USER_STREAM, KEEP_USER_STREAM, SETTING
    }

    public VenueRequest
    {
        params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }
}
