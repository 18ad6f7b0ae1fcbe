package io.ordergate.simulators.exchange;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code POST /api/v3/order}'s parameters, checked as the exchange checks them: the enums (-1117 side, -1116
 * type, -1115 timeInForce), what each type requires (-1102) and refuses (-1106), the client order id's
 * characters and length (-1100), and no parameter the route does not read (-1104). Immutable once read.
 */
record NewOrderRequest(String symbol, String side, String type, String timeInForce, BigDecimal quantity, BigDecimal price,
    BigDecimal stopPrice, String clientOrderId, String respType)
{
    static final Pattern CLIENT_ORDER_ID = Pattern.compile("^[\\.A-Z\\:/a-z0-9_-]{1,36}$");
    private static final Set<String> KNOWN = Set.of("symbol", "side", "type", "timeInForce", "quantity", "quoteOrderQty", "price",
        "newClientOrderId", "strategyId", "strategyType", "stopPrice", "trailingDelta", "icebergQty", "newOrderRespType",
        "selfTradePreventionMode", "recvWindow", "timestamp", "signature");
    private static final Set<String> TYPES = Set.of("LIMIT", "MARKET", "STOP_LOSS", "STOP_LOSS_LIMIT", "TAKE_PROFIT", "TAKE_PROFIT_LIMIT",
        "LIMIT_MAKER");
    private static final char[] ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    static NewOrderRequest read(final Params params)
    {
        int sent = 0;
        int read = 0;
        for (final String name : params.names())
        {
            sent++;
            if (KNOWN.contains(name))
            {
                read++;
            }
        }
        if (read != sent)
        {
            throw ExchangeError.badRequest(-1104, "Not all sent parameters were read; read '" + read + "' parameter(s) but was sent '" + sent + "'.");
        }
        final String symbol = params.mandatory("symbol");
        final String side = params.mandatory("side");
        if (!"BUY".equals(side) && !"SELL".equals(side))
        {
            throw ExchangeError.badRequest(-1117, "Invalid side.");
        }
        final String type = params.mandatory("type");
        if (!TYPES.contains(type))
        {
            throw ExchangeError.badRequest(-1116, "Invalid orderType.");
        }
        final boolean limitPriced = "LIMIT".equals(type) || type.endsWith("_LIMIT") || "LIMIT_MAKER".equals(type);
        final boolean triggered = type.startsWith("STOP_LOSS") || type.startsWith("TAKE_PROFIT");
        final boolean takesTimeInForce = "LIMIT".equals(type) || type.endsWith("_LIMIT");

        if (params.has("quoteOrderQty"))
        {
            throw ExchangeError.newOrderRejected("Quote order qty market orders are not support for this symbol.");
        }
        final BigDecimal quantity = params.optionalDecimal("quantity");
        if (quantity == null)
        {
            throw ExchangeError.mandatory("quantity");
        }
        final BigDecimal price = params.decimalIf("price", limitPriced);
        final BigDecimal stopPrice = params.decimalIf("stopPrice", triggered);
        final String timeInForce = params.optional("timeInForce");
        if (takesTimeInForce && timeInForce == null)
        {
            throw ExchangeError.mandatory("timeInForce");
        }
        if (!takesTimeInForce && timeInForce != null)
        {
            throw ExchangeError.badRequest(-1106, "Parameter 'timeInForce' sent when not required.");
        }
        if (timeInForce != null && !"GTC".equals(timeInForce) && !"IOC".equals(timeInForce) && !"FOK".equals(timeInForce))
        {
            throw ExchangeError.badRequest(-1115, "Invalid timeInForce.");
        }
        String clientOrderId = params.optional("newClientOrderId");
        if (clientOrderId != null && !CLIENT_ORDER_ID.matcher(clientOrderId).matches())
        {
            throw ExchangeError.badRequest(-1100,
                "Illegal characters found in parameter 'newClientOrderId'; legal range is '^[\\.A-Z\\:/a-z0-9_-]{1,36}$'.");
        }
        if (clientOrderId == null)
        {
            clientOrderId = generatedId();
        }
        String respType = params.optional("newOrderRespType");
        if (respType == null)
        {
            respType = "MARKET".equals(type) || "LIMIT".equals(type) ? "FULL" : "ACK";
        }
        else if (!"ACK".equals(respType) && !"RESULT".equals(respType) && !"FULL".equals(respType))
        {
            throw ExchangeError.badRequest(-1100, "Illegal characters found in parameter 'newOrderRespType'; legal range is 'ACK, RESULT, FULL'.");
        }
        return new NewOrderRequest(symbol, side, type, timeInForce, quantity, price == null ? BigDecimal.ZERO : price,
            stopPrice == null ? BigDecimal.ZERO : stopPrice, clientOrderId, respType);
    }

    /** An id like the exchange makes for an order sent without one: 22 letters and digits. */
    static String generatedId()
    {
        final StringBuilder id = new StringBuilder(22);
        for (int i = 0; i < 22; i++)
        {
            id.append(ID_ALPHABET[RANDOM.nextInt(ID_ALPHABET.length)]);
        }
        return id.toString();
    }
}
