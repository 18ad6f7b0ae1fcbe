package io.ordergate.simulators.exchange;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The USDⓈ-M futures account settings a strategy sets before trading (seed 001's {@code trading_config}):
 * {@code POST /fapi/v1/leverage}, {@code POST /fapi/v1/marginType}, {@code GET|POST /fapi/v1/positionSide/dual},
 * with the futures API's own answers and codes (a symbol it does not list, a leverage out of range, a margin type or
 * position mode changed under open orders, "no need to change"). Called under the market's lock through {@link SpotMarket#read}.
 */
final class FuturesRoutes
{
    private FuturesRoutes()
    {
    }

    /** Sets a symbol's leverage: 1 to the symbol's highest ({@link LeverageBrackets}), else -4028. */
    static Map<String, Object> leverage(final SpotMarket market, final LeverageBrackets brackets, final SpotAccount account, final Params params)
    {
        final String symbol = params.mandatory("symbol");
        market.rules(symbol);
        final long leverage = params.mandatoryLong("leverage");
        if (leverage < 1 || leverage > brackets.max(symbol))
        {
            throw ExchangeError.badRequest(-4028, "Leverage " + leverage + " is not valid");
        }
        return market.read(() ->
        {
            account.leverage.put(symbol, (int)leverage);
            final Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("leverage", (int)leverage);
            answer.put("maxNotionalValue", leverage > 50 ? "50000" : "1000000");
            answer.put("symbol", symbol);
            return answer;
        });
    }

    static Map<String, Object> marginType(final SpotMarket market, final FuturesMarket futures, final SpotAccount account, final Params params)
    {
        final String symbol = params.mandatory("symbol");
        market.rules(symbol);
        final String type = params.mandatory("marginType");
        if (!"ISOLATED".equals(type) && !"CROSSED".equals(type))
        {
            throw ExchangeError.badRequest(-4044, "The margin type is invalid.");
        }
        return market.read(() ->
        {
            if (!market.openOrders(account, symbol).isEmpty() || !futures.openOrders(account, symbol).isEmpty())
            {
                throw ExchangeError.badRequest(-4047, "Margin type cannot be changed if there exists open orders.");
            }
            if (type.equals(account.marginType.getOrDefault(symbol, "CROSSED")))
            {
                throw ExchangeError.badRequest(-4046, "No need to change margin type.");
            }
            account.marginType.put(symbol, type);
            return success();
        });
    }

    static Map<String, Object> positionMode(final SpotMarket market, final FuturesMarket futures, final SpotAccount account, final Params params)
    {
        final String dual = params.mandatory("dualSidePosition");
        if (!"true".equals(dual) && !"false".equals(dual))
        {
            throw ExchangeError.badRequest(-1130, "Data sent for parameter 'dualSidePosition' is not valid.");
        }
        final boolean wanted = Boolean.parseBoolean(dual);
        return market.read(() ->
        {
            if (!market.openOrders(account, null).isEmpty() || !futures.openOrders(account, null).isEmpty())
            {
                throw ExchangeError.badRequest(-4067, "Position side cannot be changed if there exists open orders.");
            }
            if (account.futures.positions.values().stream().anyMatch(p -> p.amount.signum() != 0))
            {
                throw ExchangeError.badRequest(-4068, "Position side cannot be changed if there exists position.");
            }
            if (account.dualSidePosition == wanted)
            {
                throw ExchangeError.badRequest(-4059, "No need to change position side.");
            }
            account.dualSidePosition = wanted;
            return success();
        });
    }

    static Map<String, Object> readPositionMode(final SpotMarket market, final SpotAccount account)
    {
        return market.read(() -> Map.of("dualSidePosition", account.dualSidePosition));
    }

    private static Map<String, Object> success()
    {
        final Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("code", 200);
        answer.put("msg", "success");
        return answer;
    }
}
