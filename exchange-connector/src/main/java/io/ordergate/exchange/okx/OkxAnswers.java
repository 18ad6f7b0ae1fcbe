package io.ordergate.exchange.okx;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpHeaders;
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
 * OKX's answers read and sorted into what the connector does next. Every answer is {@code {"code", "msg", "data":
 * [...]}}; an order's own outcome is its {@code sCode}. 51603 is "order does not exist"; 50001, 50004, 50013 and 5xx
 * are "nobody knows"; 50011 and HTTP 429 the rate limit; 50102 a timestamp out of its window; 50100, 50101, 50105 and
 * 50111 to 50114 the key, passphrase or signature. The private stream's {@code orders} and {@code account} pushes are read
 * by {@link #stream}. A cancel's answer only acknowledges it: the order's state is asked for afterwards. Stateless.
 */
final class OkxAnswers
{
    private static final long RATE_LIMIT_WAIT_MILLIS = 2_000;

    private OkxAnswers()
    {
    }

    static String json(final Map<String, String> params)
    {
        return ExchangeJson.write(params);
    }

    static VenueAnswer read(final VenueRequest request, final int status, final HttpHeaders headers, final String body)
    {
        if (status >= 500)
        {
            return VenueAnswer.unknown("HTTP " + status);
        }
        final JsonNode json;
        try
        {
            json = ExchangeJson.read(body);
        }
        catch (final IOException | RuntimeException ex)
        {
            return status == 429 ? VenueAnswer.of(Outcome.RATE_LIMITED, "HTTP 429", null, RATE_LIMIT_WAIT_MILLIS)
                : VenueAnswer.unknown("unreadable answer (HTTP " + status + ")");
        }
        final JsonNode first = json.path("data").path(0);
        final String code = json.path("code").asText();
        // an order request's own outcome is its sCode (the envelope says "1" for "see the item")
        final String itemCode = first.path("sCode").asText("");
        final String effective = !itemCode.isEmpty() && !"0".equals(itemCode) ? itemCode : code;
        final String message = !itemCode.isEmpty() && !"0".equals(itemCode) ? first.path("sMsg").asText() : json.path("msg").asText();
        if (status == 429 || "50011".equals(effective))
        {
            return VenueAnswer.of(Outcome.RATE_LIMITED, message, effective, RATE_LIMIT_WAIT_MILLIS);
        }
        if (!"0".equals(effective))
        {
            return refusal(effective, message);
        }
        switch (request.kind())
        {
            case PLACE_ORDER:
                return new VenueAnswer(Outcome.OK, new OrderState(first.path("clOrdId").asText(), first.path("ordId").asText(), OrderState.Status.NEW,
                    BigDecimal.ZERO, BigDecimal.ZERO), null, null, null, 0);
            case QUERY_ORDER:
                if (first.isMissingNode())
                {
                    return VenueAnswer.of(Outcome.NOT_FOUND, "Order does not exist", "51603", 0);
                }
                final BigDecimal filled = decimal(first, "accFillSz");
                final BigDecimal average = decimal(first, "avgPx");
                // fee: the order's cumulative commission (negative when charged) in feeCcy, for all it filled
                final BigDecimal fee = filled.signum() == 0 ? BigDecimal.ZERO : Commissions.inQuote(first.path("instId").asText("").replace("-", ""),
                    decimal(first, "fee").negate(), first.path("feeCcy").asText(""), average);
                return new VenueAnswer(Outcome.OK, new OrderState(first.path("clOrdId").asText(), first.path("ordId").asText(),
                    status(first.path("state").asText()), filled, filled.multiply(average), fee, fee.signum() == 0 ? BigDecimal.ZERO : filled),
                    null, null, null, 0);
            case CANCEL_ORDER:
                return VenueAnswer.unknown("cancel accepted; the order's state is asked for");
            case BALANCES:
                final Map<String, BigDecimal[]> balances = new LinkedHashMap<>();
                for (final JsonNode detail : first.path("details"))
                {
                    balances.put(detail.path("ccy").asText(), new BigDecimal[] {decimal(detail, "availBal"), decimal(detail, "frozenBal")});
                }
                return new VenueAnswer(Outcome.OK, null, balances, null, null, 0);
            default:
                return new VenueAnswer(Outcome.OK, null, null, body, null, 0);
        }
    }

    private static VenueAnswer refusal(final String code, final String message)
    {
        switch (code)
        {
            case "51603": return VenueAnswer.of(Outcome.NOT_FOUND, message, code, 0);
            case "50001":
            case "50004":
            case "50013": return VenueAnswer.unknown(code + " " + message);
            case "50102": return VenueAnswer.of(Outcome.CLOCK_SKEW, message, code, 0);
            case "50100":
            case "50101":
            case "50105":
            case "50111":
            case "50112":
            case "50113":
            case "50114": return VenueAnswer.of(Outcome.AUTH_FAILED, message, code, 0);
            default: return VenueAnswer.of(Outcome.REJECTED, message, code, 0);
        }
    }

    /**
     * A private-stream text: {@code orders} pushes as order states (cumulative {@code accFillSz}, quote {@code accFillSz ×
     * avgPx}, the last fill's {@code fillFee} valued in the quote asset), {@code account} pushes as balances
     * ({@code availBal}, {@code frozenBal}); {@code pong} and event answers carry none.
     */
    static List<StreamEvent> stream(final String text)
    {
        final List<StreamEvent> events = new ArrayList<>();
        if (!text.startsWith("{"))
        {
            return events;  // "pong"
        }
        try
        {
            final JsonNode json = ExchangeJson.read(text);
            final String channel = json.path("arg").path("channel").asText();
            for (final JsonNode item : json.path("data"))
            {
                if ("orders".equals(channel))
                {
                    final BigDecimal filled = decimal(item, "accFillSz");
                    final BigDecimal lastFill = decimal(item, "fillSz");
                    // fillFee is negative when charged (positive: a rebate), in fillFeeCcy; valued in the quote asset as Binance's
                    final BigDecimal fee = lastFill.signum() == 0 ? BigDecimal.ZERO : Commissions.inQuote(item.path("instId").asText("").replace("-", ""),
                        decimal(item, "fillFee").negate(), item.path("fillFeeCcy").asText(""), decimal(item, "fillPx"));
                    events.add(new StreamEvent(new OrderState(item.path("clOrdId").asText(), item.path("ordId").asText(), status(item.path("state").asText()),
                        filled, filled.multiply(decimal(item, "avgPx")), fee, fee.signum() == 0 ? BigDecimal.ZERO : lastFill), null));
                }
                else if ("account".equals(channel))
                {
                    final Map<String, BigDecimal[]> balances = new LinkedHashMap<>();
                    for (final JsonNode detail : item.path("details"))
                    {
                        balances.put(detail.path("ccy").asText(), new BigDecimal[] {decimal(detail, "availBal"), decimal(detail, "frozenBal")});
                    }
                    events.add(new StreamEvent(null, balances));
                }
            }
        }
        catch (final IOException | RuntimeException ex)
        {
            return events;
        }
        return events;
    }

    static OrderState.Status status(final String okx)
    {
        switch (okx)
        {
            case "partially_filled": return OrderState.Status.PARTIALLY_FILLED;
            case "filled": return OrderState.Status.FILLED;
            case "canceled":
            case "mmp_canceled": return OrderState.Status.CANCELLED;
            default: return OrderState.Status.NEW;  // live
        }
    }

    static long serverMillis(final String body)
    {
        try
        {
            return ExchangeJson.read(body).path("data").path(0).path("ts").asLong();
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException("unreadable server time", ex);
        }
    }

    /** Each instrument's tickSz and lotSz, keyed by its name without the dash ({@code BTCUSDT}, as the gateway names it). */
    static Map<String, SymbolRules> symbolRules(final String body)
    {
        final Map<String, SymbolRules> rules = new LinkedHashMap<>();
        try
        {
            for (final JsonNode instrument : ExchangeJson.read(body).path("data"))
            {
                final String name = instrument.path("instId").asText().replace("-", "");
                rules.put(name, new SymbolRules(name, decimal(instrument, "tickSz").stripTrailingZeros(), decimal(instrument, "lotSz").stripTrailingZeros(),
                    decimal(instrument, "minSz"), instrument.has("maxLmtSz") ? decimal(instrument, "maxLmtSz") : null, null, false));
            }
        }
        catch (final IOException | RuntimeException ex)
        {
            return rules;
        }
        return rules;
    }

    private static BigDecimal decimal(final JsonNode json, final String field)
    {
        final String text = json.path(field).asText("");
        return text.isEmpty() ? BigDecimal.ZERO : new BigDecimal(text);
    }
}
