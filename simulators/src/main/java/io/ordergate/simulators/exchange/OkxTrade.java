package io.ordergate.simulators.exchange;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The simulated OKX's account routes over the shared market: {@code POST /api/v5/trade/order} (read and checked as OKX
 * reads it: {@code instId}, {@code tdMode cash}, {@code side}, {@code ordType} market/limit/post_only/ioc/fok, {@code sz},
 * {@code px}, {@code clOrdId} of 1 to 32 letters and digits, refused 51016 when the account already used it),
 * {@code POST /api/v5/trade/cancel-order}, {@code GET /api/v5/trade/order} (51603 "Order does not exist") and
 * {@code GET /api/v5/account/balance}. Each returns the whole answer envelope. Stateless apart from the market: thread safe.
 */
final class OkxTrade
{
    private static final Pattern CLIENT_ORDER_ID = Pattern.compile("^[A-Za-z0-9]{1,32}$");
    private static final Set<String> ORDER_TYPES = Set.of("market", "limit", "post_only", "ioc", "fok");

    private final SpotMarket market;

    OkxTrade(final SpotMarket market)
    {
        this.market = market;
    }

    Map<String, Object> place(final SpotAccount account, final Map<String, Object> body)
    {
        final String clOrdId = optional(body, "clOrdId");
        if (clOrdId != null && !CLIENT_ORDER_ID.matcher(clOrdId).matches())
        {
            throw OkxError.parameter("clOrdId");
        }
        final SymbolRules rules = rules(mandatory(body, "instId"));
        if (!"cash".equals(mandatory(body, "tdMode")))
        {
            throw OkxError.parameter("tdMode");  // a spot account without margin trades in cash mode only
        }
        final String side = mandatory(body, "side");
        if (!"buy".equals(side) && !"sell".equals(side))
        {
            throw OkxError.parameter("side");
        }
        final String ordType = mandatory(body, "ordType");
        if (!ORDER_TYPES.contains(ordType))
        {
            throw OkxError.parameter("ordType");
        }
        final boolean marketOrder = "market".equals(ordType);
        final BigDecimal size = decimal(body, "sz", true);
        final BigDecimal price = decimal(body, "px", !marketOrder);
        final String tgtCcy = optional(body, "tgtCcy");
        if (tgtCcy != null && !"base_ccy".equals(tgtCcy) && !"quote_ccy".equals(tgtCcy))
        {
            throw OkxError.parameter("tgtCcy");
        }
        final String clientId = clOrdId != null ? clOrdId : OkxShapes.NO_CLIENT_ID + NewOrderRequest.generatedId();
        return market.read(() ->
        {
            if (clOrdId != null && !market.ordersWithClientId(account, clOrdId).isEmpty())
            {
                throw OkxError.duplicated();
            }
            // OKX sizes a spot market buy in the quote currency unless told base_ccy
            final boolean quoteSized = marketOrder && "buy".equals(side) && !"base_ccy".equals(tgtCcy);
            final BigDecimal quantity = quoteSized ? baseOf(rules, size) : size;
            final String type = marketOrder ? "MARKET" : "post_only".equals(ordType) ? "LIMIT_MAKER" : "LIMIT";
            final String timeInForce = marketOrder || "post_only".equals(ordType) ? null
                : "ioc".equals(ordType) ? "IOC" : "fok".equals(ordType) ? "FOK" : "GTC";
            final NewOrderRequest request = new NewOrderRequest(rules.symbol(), side.toUpperCase(java.util.Locale.ROOT), type, timeInForce, quantity,
                price == null ? BigDecimal.ZERO : price, BigDecimal.ZERO, clientId, "ACK");
            final SpotMarket.Placed placed;
            try
            {
                placed = market.place(account, request);
            }
            catch (final ExchangeError error)
            {
                throw OkxError.fromMarket(error, "buy".equals(side) ? rules.quoteAsset() : rules.baseAsset());
            }
            final SpotOrder order = placed.order();
            return OkxShapes.envelope("0", "", List.of(OkxShapes.item(OkxShapes.clOrdId(order), Long.toString(order.orderId), "0",
                "Order placed", placed.transactTime())));
        });
    }

    Map<String, Object> cancel(final SpotAccount account, final Map<String, Object> body)
    {
        final SymbolRules rules = rules(mandatory(body, "instId"));
        final String ordId = optional(body, "ordId");
        final String clOrdId = optional(body, "clOrdId");
        if (ordId == null && clOrdId == null)
        {
            throw OkxError.parameter("ordId");
        }
        try
        {
            final SpotOrder order = market.cancel(account, rules.symbol(), orderId(ordId), clOrdId, null);
            return OkxShapes.envelope("0", "", List.of(OkxShapes.item(OkxShapes.clOrdId(order), Long.toString(order.orderId), "0", "", market.now())));
        }
        catch (final ExchangeError error)
        {
            return OkxShapes.envelope("1", "All operations failed", List.of(OkxShapes.item(clOrdId == null ? "" : clOrdId, ordId == null ? "" : ordId,
                "51400", "Order cancellation failed as the order has been filled, canceled or does not exist", market.now())));
        }
    }

    Map<String, Object> query(final SpotAccount account, final Map<String, String> query)
    {
        final SymbolRules rules = rules(query.get("instId"));
        final String ordId = query.get("ordId");
        final String clOrdId = query.get("clOrdId");
        if ((ordId == null || ordId.isEmpty()) && (clOrdId == null || clOrdId.isEmpty()))
        {
            throw OkxError.parameter("ordId");
        }
        return market.read(() ->
        {
            try
            {
                final SpotOrder order = market.find(account, rules.symbol(), orderId(ordId), clOrdId);
                return OkxShapes.envelope("0", "", List.of(OkxShapes.order(order, null)));
            }
            catch (final ExchangeError error)
            {
                return OkxShapes.envelope("51603", "Order does not exist", List.of());
            }
        });
    }

    Map<String, Object> balance(final SpotAccount account, final Map<String, String> query)
    {
        final String ccy = query.get("ccy");
        final List<String> currencies = ccy == null || ccy.isEmpty() ? null : new ArrayList<>(Arrays.asList(ccy.split(",")));
        return market.read(() -> OkxShapes.envelope("0", "", List.of(OkxShapes.balance(account, currencies, market.now()))));
    }

    /** {@code GET /api/v5/public/instruments?instType=SPOT}. */
    Map<String, Object> instruments(final Map<String, String> query)
    {
        if (!"SPOT".equals(query.get("instType")))
        {
            throw OkxError.parameter("instType");
        }
        final List<Object> list = new ArrayList<>();
        for (final SymbolRules rules : market.symbols())
        {
            list.add(OkxShapes.instrument(rules));
        }
        return OkxShapes.envelope("0", "", list);
    }

    private SymbolRules rules(final String instId)
    {
        if (instId == null || instId.indexOf('-') < 0)
        {
            throw OkxError.parameter("instId");
        }
        try
        {
            return market.rules(instId.replace("-", ""));
        }
        catch (final ExchangeError error)
        {
            throw new OkxError(200, "51001", "Instrument ID does not exist");
        }
    }

    /** A quote-sized market buy's base quantity at the ask, down to the lot size. */
    private BigDecimal baseOf(final SymbolRules rules, final BigDecimal quoteAmount)
    {
        final BigDecimal[] quote = market.quote(rules.symbol());
        if (quote == null)
        {
            throw new OkxError(200, "51000", "Parameter sz error");
        }
        final BigDecimal steps = quoteAmount.divide(quote[1].multiply(rules.stepSize()), 0, RoundingMode.DOWN);
        return steps.multiply(rules.stepSize());
    }

    private static long orderId(final String ordId)
    {
        if (ordId == null || ordId.isEmpty())
        {
            return -1;
        }
        try
        {
            return Long.parseLong(ordId);
        }
        catch (final NumberFormatException ex)
        {
            throw OkxError.parameter("ordId");
        }
    }

    private static String mandatory(final Map<String, Object> body, final String name)
    {
        final String value = optional(body, name);
        if (value == null)
        {
            throw OkxError.parameter(name);
        }
        return value;
    }

    private static String optional(final Map<String, Object> body, final String name)
    {
        final Object value = body.get(name);
        if (value == null || String.valueOf(value).isEmpty())
        {
            return null;
        }
        if (!(value instanceof String))
        {
            throw OkxError.parameter(name);  // OKX's fields are strings, "0.001" not 0.001
        }
        return (String)value;
    }

    private static BigDecimal decimal(final Map<String, Object> body, final String name, final boolean required)
    {
        final String text = required ? mandatory(body, name) : optional(body, name);
        if (text == null)
        {
            return null;
        }
        try
        {
            final BigDecimal value = new BigDecimal(text);
            if (value.signum() <= 0)
            {
                throw OkxError.parameter(name);
            }
            return value;
        }
        catch (final NumberFormatException ex)
        {
            throw OkxError.parameter(name);
        }
    }
}
