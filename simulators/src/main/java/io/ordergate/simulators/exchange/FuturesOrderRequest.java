package io.ordergate.simulators.exchange;

import java.math.BigDecimal;
import java.util.Set;

/**
 * {@code POST /fapi/v1/order}'s parameters, checked as the USDⓈ-M futures API checks them: the enums (-1117 side,
 * -1116 type, -1115 timeInForce, -4061 a position side the account's mode does not take), what each type requires
 * (-1102) and refuses (-1106, {@code reduceOnly} in hedge mode too), the client order id's characters (-1100), and no
 * parameter the route does not read (-1104). Immutable once read.
 */
record FuturesOrderRequest(String symbol, String side, String positionSide, String type, String timeInForce, BigDecimal quantity,
    BigDecimal price, BigDecimal stopPrice, boolean reduceOnly, String clientOrderId, String respType)
{
    private static final Set<String> KNOWN = Set.of("symbol", "side", "positionSide", "type", "timeInForce", "quantity", "reduceOnly",
        "price", "newClientOrderId", "stopPrice", "closePosition", "activationPrice", "callbackRate", "workingType", "priceProtect",
        "newOrderRespType", "priceMatch", "selfTradePreventionMode", "goodTillDate", "recvWindow", "timestamp", "signature");
    private static final Set<String> TYPES = Set.of("LIMIT", "MARKET", "STOP", "STOP_MARKET", "TAKE_PROFIT", "TAKE_PROFIT_MARKET",
        "TRAILING_STOP_MARKET");

    /** @param hedgeMode the account's position mode ({@code dualSidePosition}) */
    static FuturesOrderRequest read(final Params params, final boolean hedgeMode)
    {
        int read = 0;
        for (final String name : params.names())
        {
            read += KNOWN.contains(name) ? 1 : 0;
        }
        if (read != params.names().size())
        {
            throw ExchangeError.badRequest(-1104, "Not all sent parameters were read; read '" + read + "' parameter(s) but was sent '"
                + params.names().size() + "'.");
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
        if ("TRAILING_STOP_MARKET".equals(type) || params.has("closePosition") || params.has("priceMatch"))
        {
            throw ExchangeError.badRequest(-4000, "Invalid order status.");  // not simulated: refused rather than half done
        }
        String positionSide = params.optional("positionSide");
        positionSide = positionSide == null ? "BOTH" : positionSide;
        if (!"BOTH".equals(positionSide) && !"LONG".equals(positionSide) && !"SHORT".equals(positionSide))
        {
            throw ExchangeError.badRequest(-4006, "Invalid position side.");
        }
        if (hedgeMode == "BOTH".equals(positionSide))
        {
            throw ExchangeError.badRequest(-4061, "Order's position side does not match user's setting.");
        }
        final String reduceOnly = params.optional("reduceOnly");
        if (reduceOnly != null && !"true".equals(reduceOnly) && !"false".equals(reduceOnly))
        {
            throw ExchangeError.badRequest(-1130, "Data sent for parameter 'reduceOnly' is not valid.");
        }
        if (reduceOnly != null && hedgeMode)
        {
            throw ExchangeError.notRequired("reduceOnly");
        }
        final boolean limitPriced = "LIMIT".equals(type) || "STOP".equals(type) || "TAKE_PROFIT".equals(type);
        final boolean triggered = !"LIMIT".equals(type) && !"MARKET".equals(type);
        final BigDecimal quantity = params.optionalDecimal("quantity");
        if (quantity == null)
        {
            throw ExchangeError.mandatory("quantity");
        }
        final BigDecimal price = params.decimalIf("price", limitPriced);
        final BigDecimal stopPrice = params.decimalIf("stopPrice", triggered);
        final String timeInForce = params.optional("timeInForce");
        if (limitPriced && timeInForce == null)
        {
            throw ExchangeError.mandatory("timeInForce");
        }
        if (timeInForce != null && !Set.of("GTC", "IOC", "FOK", "GTX").contains(timeInForce))
        {
            throw ExchangeError.badRequest(-1115, "Invalid timeInForce.");
        }
        String clientOrderId = params.optional("newClientOrderId");
        if (clientOrderId != null && !NewOrderRequest.CLIENT_ORDER_ID.matcher(clientOrderId).matches())
        {
            throw ExchangeError.badRequest(-1100,
                "Illegal characters found in parameter 'newClientOrderId'; legal range is '^[\\.A-Z\\:/a-z0-9_-]{1,36}$'.");
        }
        clientOrderId = clientOrderId == null ? NewOrderRequest.generatedId() : clientOrderId;
        final String respType = params.optional("newOrderRespType") == null ? "ACK" : params.optional("newOrderRespType");
        if (!"ACK".equals(respType) && !"RESULT".equals(respType))
        {
            throw ExchangeError.badRequest(-1100, "Illegal characters found in parameter 'newOrderRespType'; legal range is 'ACK, RESULT'.");
        }
        return new FuturesOrderRequest(symbol, side, positionSide, type, timeInForce == null ? "GTC" : timeInForce, quantity,
            price == null ? BigDecimal.ZERO : price, stopPrice == null ? BigDecimal.ZERO : stopPrice, "true".equals(reduceOnly), clientOrderId,
            respType);
    }

    /** A triggered type: STOP, STOP_MARKET, TAKE_PROFIT, TAKE_PROFIT_MARKET. */
    boolean isStopType()
    {
        return !"LIMIT".equals(type) && !"MARKET".equals(type);
    }

    /** Hedge mode: selling a LONG or buying a SHORT closes; one-way: what reduceOnly says. */
    boolean closes()
    {
        return reduceOnly || "LONG".equals(positionSide) && "SELL".equals(side) || "SHORT".equals(positionSide) && "BUY".equals(side);
    }
}
