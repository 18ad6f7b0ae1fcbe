package io.ordergate.exchange.binance;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpHeaders;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.ordergate.exchange.client.ExchangeJson;
import io.ordergate.exchange.spi.Commissions;
import io.ordergate.exchange.spi.OrderState;
import io.ordergate.exchange.spi.StreamEvent;
import io.ordergate.exchange.spi.SymbolRules;
import io.ordergate.exchange.spi.VenueAnswer;
import io.ordergate.exchange.spi.VenueAnswer.Outcome;
import io.ordergate.exchange.spi.VenueRequest;

/**
 * Binance's answers and user-data events read, and its codes sorted into what the connector does next: -1021 resync,
 * -2013 and "Unknown order sent." not found, -1000/-1001/-1006/-1007 and 5xx execution status unknown, 429 and 418
 * with their {@code Retry-After}, the rest a refusal. Stateless.
 */
final class BinanceAnswers
{
    private BinanceAnswers()
    {
    }

    static int[] limits(final String body)
    {
        try
        {
            int weight = -1;
            int orders = -1;
            for (final JsonNode limit : ExchangeJson.read(body).path("rateLimits"))
            {
                final String type = limit.path("rateLimitType").asText();
                final String interval = limit.path("interval").asText() + limit.path("intervalNum").asInt();
                if ("REQUEST_WEIGHT".equals(type) && "MINUTE1".equals(interval))
                {
                    weight = limit.path("limit").asInt();
                }
                else if ("ORDERS".equals(type) && "SECOND10".equals(interval))
                {
                    orders = limit.path("limit").asInt();
                }
            }
            return weight > 0 && orders > 0 ? new int[] {weight, orders} : null;
        }
        catch (final IOException ex)
        {
            return null;
        }
    }

    /** Each symbol's PRICE_FILTER tick size and LOT_SIZE step, minimum and maximum from an exchangeInfo answer. */
    static Map<String, SymbolRules> symbolRules(final String body)
    {
        final Map<String, SymbolRules> rules = new LinkedHashMap<>();
        try
        {
            for (final JsonNode symbol : ExchangeJson.read(body).path("symbols"))
            {
                BigDecimal tick = null;
                BigDecimal step = null;
                BigDecimal min = null;
                BigDecimal max = null;
                BigDecimal minNotional = null;
                boolean onMarket = false;
                for (final JsonNode filter : symbol.path("filters"))
                {
                    switch (filter.path("filterType").asText())
                    {
                        case "PRICE_FILTER":
                            tick = decimal(filter, "tickSize");
                            break;
                        case "LOT_SIZE":
                            step = decimal(filter, "stepSize");
                            min = decimal(filter, "minQty");
                            max = decimal(filter, "maxQty");
                            break;
                        case "MIN_NOTIONAL":  // the older spot filter; USDⓈ-M futures' names it "notional" and applies it to every order
                            minNotional = decimal(filter, filter.has("minNotional") ? "minNotional" : "notional");
                            onMarket = filter.has("minNotional") ? filter.path("applyToMarket").asBoolean(false) : true;
                            break;
                        case "NOTIONAL":      // its successor, with a maximum too (not checked: the risk limits are lower)
                            minNotional = decimal(filter, "minNotional");
                            onMarket = filter.path("applyMinToMarket").asBoolean(false);
                            break;
                        default:
                            break;
                    }
                }
                if (tick != null && step != null)
                {
                    final String name = symbol.path("symbol").asText();
                    rules.put(name, new SymbolRules(name, tick.stripTrailingZeros(), step.stripTrailingZeros(), min, max,
                        minNotional == null || minNotional.signum() == 0 ? null : minNotional, onMarket));
                }
            }
        }
        catch (final IOException | RuntimeException ex)
        {
            return rules;
        }
        return rules;
    }

    /**
     * A {@code Retry-After} in milliseconds from {@code nowMillis}: seconds as Binance sends it, or an HTTP date as a
     * proxy in front of it may (RFC 9110, 10.2.3); 0 when absent or unreadable, which the callers raise to their floor.
     */
    static long retryAfterMillis(final String value, final long nowMillis)
    {
        if (value == null || value.isBlank())
        {
            return 0;
        }
        try
        {
            return Math.max(0, Math.multiplyExact(Long.parseLong(value.trim()), 1_000L));
        }
        catch (final NumberFormatException | ArithmeticException notSeconds)
        {
            try
            {
                return Math.max(0, ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli() - nowMillis);
            }
            catch (final DateTimeParseException unreadable)
            {
                return 0;
            }
        }
    }

    static VenueAnswer read(final VenueRequest request, final int status, final HttpHeaders headers, final String body)
    {
        final long retryAfter = retryAfterMillis(headers.firstValue("Retry-After").orElse(null), System.currentTimeMillis());
        if (status == 418)
        {
            return VenueAnswer.of(Outcome.BANNED, message(body), code(body), Math.max(retryAfter, 1_000));
        }
        if (status == 429)
        {
            return VenueAnswer.of(Outcome.RATE_LIMITED, message(body), code(body), Math.max(retryAfter, 1_000));
        }
        if (status >= 500)
        {
            return VenueAnswer.unknown("HTTP " + status + ": " + message(body));
        }
        if (status != 200)
        {
            final String code = code(body);
            if (request.kind() == VenueRequest.Kind.FUTURES_SETTING && ("-4046".equals(code) || "-4059".equals(code)))
            {
                return VenueAnswer.of(Outcome.OK, message(body), code, 0);  // "No need to change": it is already so
            }
            return refusal(request, code, message(body));
        }
        try
        {
            final JsonNode json = ExchangeJson.read(body);
            switch (request.kind())
            {
                case PLACE_ORDER:
                case QUERY_ORDER:
                    return new VenueAnswer(Outcome.OK, order(json), null, null, null, 0);
                case CANCEL_ORDER:
                    return new VenueAnswer(Outcome.OK, new OrderState(json.path("origClientOrderId").asText(), json.path("orderId").asText(),
                        status(json.path("status").asText()), decimal(json, "executedQty"), decimal(json, "cummulativeQuoteQty")), null, null, null, 0);
                case ORDER_TRADES:
                    return new VenueAnswer(Outcome.OK, trades(json), null, null, null, 0);
                case BALANCES:
                    final Map<String, BigDecimal[]> balances = new LinkedHashMap<>();
                    for (final JsonNode b : json.path("balances"))
                    {
                        balances.put(b.path("asset").asText(), new BigDecimal[] {decimal(b, "free"), decimal(b, "locked")});
                    }
                    return new VenueAnswer(Outcome.OK, null, balances, null, null, 0);
                case OPEN_USER_STREAM:
                    return new VenueAnswer(Outcome.OK, null, null, json.path("listenKey").asText(), null, 0);
                default:
                    return new VenueAnswer(Outcome.OK, null, null, body, null, 0);
            }
        }
        catch (final IOException | RuntimeException ex)
        {
            return VenueAnswer.unknown("unreadable answer: " + ex.getMessage());
        }
    }

    private static VenueAnswer refusal(final VenueRequest request, final String code, final String message)
    {
        switch (code == null ? "" : code)
        {
            case "-1021": return VenueAnswer.of(Outcome.CLOCK_SKEW, message, code, 0);
            case "-1022":
            case "-2014":
            case "-2015": return VenueAnswer.of(Outcome.AUTH_FAILED, message, code, 0);
            case "-2013":
            case "-1125": return VenueAnswer.of(Outcome.NOT_FOUND, message, code, 0);  // -1125: "This listenKey does not exist."
            // "Execution status unknown": the exchange itself does not know whether the order was placed.
            case "-1000":
            case "-1001":
            case "-1006":
            case "-1007": return VenueAnswer.unknown(code + " " + message);
            case "-2011":
                return "Unknown order sent.".equals(message) ? VenueAnswer.of(Outcome.NOT_FOUND, message, code, 0)
                    : VenueAnswer.of(Outcome.REJECTED, message, code, 0);
            default: return VenueAnswer.of(Outcome.REJECTED, message, code, 0);
        }
    }

    static long serverMillis(final String body)
    {
        try
        {
            return ExchangeJson.read(body).path("serverTime").asLong();
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException("unreadable server time", ex);
        }
    }

    static List<StreamEvent> stream(final String text)
    {
        final List<StreamEvent> events = new ArrayList<>();
        try
        {
            JsonNode json = ExchangeJson.read(text);
            if (json.has("event") && json.has("subscriptionId"))
            {
                json = json.path("event");  // the WebSocket API's wrapped form
            }
            switch (json.path("e").asText())
            {
                case "executionReport":
                    final boolean cancel = "CANCELED".equals(json.path("x").asText()) && !json.path("C").asText().isEmpty();
                    events.add(new StreamEvent(new OrderState(cancel ? json.path("C").asText() : json.path("c").asText(), json.path("i").asText(),
                        status(json.path("X").asText()), decimal(json, "z"), decimal(json, "Z"),
                        Commissions.inQuote(json.path("s").asText(""), decimal(json, "n"), json.path("N").asText(""), decimal(json, "L")),
                        decimal(json, "l")), null));
                    break;
                case "outboundAccountPosition":
                    final Map<String, BigDecimal[]> balances = new LinkedHashMap<>();
                    for (final JsonNode b : json.path("B"))
                    {
                        balances.put(b.path("a").asText(), new BigDecimal[] {decimal(b, "f"), decimal(b, "l")});
                    }
                    events.add(new StreamEvent(null, balances));
                    break;
                case "listenKeyExpired":
                    events.add(StreamEvent.STREAM_EXPIRED);  // the socket stays open, silent: only a new key's socket hears fills
                    break;
                default:
                    break;
            }
        }
        catch (final IOException ex)
        {
            return events;
        }
        return events;
    }

    /** An order's answer; a full one ({@code newOrderRespType=FULL}) tells its fills' commissions. */
    private static OrderState order(final JsonNode json)
    {
        BigDecimal fee = BigDecimal.ZERO;
        final String symbol = json.path("symbol").asText("");
        for (final JsonNode fill : json.path("fills"))
        {
            fee = fee.add(Commissions.inQuote(symbol, decimal(fill, "commission"), fill.path("commissionAsset").asText(""), decimal(fill, "price")));
        }
        return new OrderState(json.path("clientOrderId").asText(), json.path("orderId").asText(), status(json.path("status").asText()),
            decimal(json, "executedQty"), decimal(json, "cummulativeQuoteQty"), fee, fee.signum() == 0 ? BigDecimal.ZERO : decimal(json, "executedQty"));
    }

    /** A myTrades answer summed: the fills' quantity, quote amount and commissions (in the quote asset) for that quantity. */
    private static OrderState trades(final JsonNode json)
    {
        BigDecimal quantity = BigDecimal.ZERO;
        BigDecimal quote = BigDecimal.ZERO;
        BigDecimal fee = BigDecimal.ZERO;
        String venueOrderId = "";
        for (final JsonNode trade : json)
        {
            quantity = quantity.add(decimal(trade, "qty"));
            quote = quote.add(decimal(trade, "quoteQty"));
            fee = fee.add(Commissions.inQuote(trade.path("symbol").asText(""), decimal(trade, "commission"), trade.path("commissionAsset").asText(""),
                decimal(trade, "price")));
            venueOrderId = trade.path("orderId").asText("");
        }
        return new OrderState("", venueOrderId, OrderState.Status.NEW, quantity, quote, fee, quantity);
    }

    static OrderState.Status status(final String binance)
    {
        switch (binance)
        {
            case "PARTIALLY_FILLED": return OrderState.Status.PARTIALLY_FILLED;
            case "FILLED": return OrderState.Status.FILLED;
            case "CANCELED": return OrderState.Status.CANCELLED;
            case "EXPIRED":
            case "EXPIRED_IN_MATCH": return OrderState.Status.EXPIRED;
            case "REJECTED": return OrderState.Status.REJECTED;
            default: return OrderState.Status.NEW;  // NEW, PENDING_NEW, PENDING_CANCEL: still open
        }
    }

    static BigDecimal decimal(final JsonNode json, final String field)
    {
        final String text = json.path(field).asText("0");
        return text.isEmpty() ? BigDecimal.ZERO : new BigDecimal(text);
    }

    static String code(final String body)
    {
        try
        {
            final JsonNode code = ExchangeJson.read(body).path("code");
            return code.isMissingNode() ? null : code.asText();
        }
        catch (final IOException | RuntimeException ex)
        {
            return null;
        }
    }

    static String message(final String body)
    {
        try
        {
            return ExchangeJson.read(body).path("msg").asText(body);
        }
        catch (final IOException | RuntimeException ex)
        {
            return body == null ? "" : body.substring(0, Math.min(200, body.length()));
        }
    }
}
