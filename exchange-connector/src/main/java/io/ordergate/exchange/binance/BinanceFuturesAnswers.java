package io.ordergate.exchange.binance;

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
import io.ordergate.exchange.spi.PositionState;
import io.ordergate.exchange.spi.StreamEvent;
import io.ordergate.exchange.spi.VenueAnswer;
import io.ordergate.exchange.spi.VenueAnswer.Outcome;
import io.ordergate.exchange.spi.VenueRequest;

/**
 * The USDⓈ-M futures API's answers and user-data events read: its order shape ({@code cumQuote} where spot says
 * {@code cummulativeQuoteQty}), {@code /fapi/v2/balance}'s list, and the stream's {@code ORDER_TRADE_UPDATE} (the order
 * under {@code o}, its cumulative quote as {@code ap × z}) and {@code ACCOUNT_UPDATE} (wallet {@code wb}, of which
 * {@code cw} is free). Errors, limits and exchangeInfo's filters are read as on spot: the codes are Binance's own.
 * Stateless.
 */
final class BinanceFuturesAnswers
{
    private BinanceFuturesAnswers()
    {
    }

    static VenueAnswer read(final VenueRequest request, final int status, final HttpHeaders headers, final String body)
    {
        final VenueRequest.Kind kind = request.kind();
        if (status != 200 || kind != VenueRequest.Kind.PLACE_ORDER && kind != VenueRequest.Kind.QUERY_ORDER
            && kind != VenueRequest.Kind.CANCEL_ORDER && kind != VenueRequest.Kind.BALANCES && kind != VenueRequest.Kind.POSITIONS)
        {
            return BinanceAnswers.read(request, status, headers, body);
        }
        try
        {
            final JsonNode json = ExchangeJson.read(body);
            if (kind == VenueRequest.Kind.BALANCES)
            {
                return new VenueAnswer(Outcome.OK, null, accountAssets(json), null, null, 0);
            }
            if (kind == VenueRequest.Kind.POSITIONS)
            {
                final List<PositionState> positions = new ArrayList<>();
                for (final JsonNode p : json)
                {
                    positions.add(new PositionState(p.path("symbol").asText(), p.path("positionSide").asText("BOTH"),
                        BinanceAnswers.decimal(p, "positionAmt"), BinanceAnswers.decimal(p, "entryPrice"), BinanceAnswers.decimal(p, "markPrice"),
                        BinanceAnswers.decimal(p, "unRealizedProfit")));
                }
                return new VenueAnswer(Outcome.OK, null, null, null, null, 0, positions);
            }
            return new VenueAnswer(Outcome.OK, new OrderState(json.path("clientOrderId").asText(), json.path("orderId").asText(),
                BinanceAnswers.status(json.path("status").asText()), BinanceAnswers.decimal(json, "executedQty"),
                BinanceAnswers.decimal(json, "cumQuote")), null, null, null, 0);
        }
        catch (final IOException | RuntimeException ex)
        {
            return VenueAnswer.unknown("unreadable answer: " + ex.getMessage());
        }
    }

    /**
     * A symbol's highest leverage from {@code /fapi/v1/leverageBracket}: the largest {@code initialLeverage} of its
     * brackets (the first's: the smallest notional). The answer is one entry when a symbol was sent and a list of them
     * otherwise, as Binance documents it; both are read. 0 when the symbol is not in it or the answer is unreadable.
     */
    static int maxLeverage(final String symbol, final String body)
    {
        try
        {
            final JsonNode json = ExchangeJson.read(body);
            for (final JsonNode entry : json.isArray() ? json : List.of(json))
            {
                if (symbol.equals(entry.path("symbol").asText()))
                {
                    int max = 0;
                    for (final JsonNode bracket : entry.path("brackets"))
                    {
                        max = Math.max(max, bracket.path("initialLeverage").asInt(0));
                    }
                    return max;
                }
            }
            return 0;
        }
        catch (final IOException | RuntimeException ex)
        {
            return 0;
        }
    }

    /**
     * {@code /fapi/v3/account}'s (or v2's) {@code assets}: per asset {@code {available, wallet - available, unrealized
     * profit, margin balance}}; a {@code /fapi/v2/balance} list (no unrealized figures) is read too, as
     * {@code {available, balance - available, crossUnPnl, balance + crossUnPnl}}.
     */
    private static Map<String, BigDecimal[]> accountAssets(final JsonNode json)
    {
        final Map<String, BigDecimal[]> balances = new LinkedHashMap<>();
        for (final JsonNode b : json.isArray() ? json : json.path("assets"))
        {
            final BigDecimal total = BinanceAnswers.decimal(b, b.has("walletBalance") ? "walletBalance" : "balance");
            final BigDecimal available = BinanceAnswers.decimal(b, "availableBalance").min(total);
            final BigDecimal unrealized = BinanceAnswers.decimal(b, b.has("unrealizedProfit") ? "unrealizedProfit" : "crossUnPnl");
            final BigDecimal margin = b.has("marginBalance") ? BinanceAnswers.decimal(b, "marginBalance") : total.add(unrealized);
            balances.put(b.path("asset").asText(), new BigDecimal[] {available, total.subtract(available), unrealized, margin});
        }
        return balances;
    }

    static List<StreamEvent> stream(final String text)
    {
        final List<StreamEvent> events = new ArrayList<>();
        try
        {
            final JsonNode json = ExchangeJson.read(text);
            switch (json.path("e").asText())
            {
                case "ORDER_TRADE_UPDATE":
                    final JsonNode o = json.path("o");
                    final BigDecimal filled = BinanceAnswers.decimal(o, "z");
                    // the fill's commission n in asset N (the trading feature's fee), as spot's executionReport tells it
                    events.add(new StreamEvent(new OrderState(o.path("c").asText(), o.path("i").asText(), BinanceAnswers.status(o.path("X").asText()),
                        filled, filled.multiply(BinanceAnswers.decimal(o, "ap")), Commissions.inQuote(o.path("s").asText(""),
                        BinanceAnswers.decimal(o, "n"), o.path("N").asText(""), BinanceAnswers.decimal(o, "L")), BinanceAnswers.decimal(o, "l")), null));
                    break;
                case "ACCOUNT_UPDATE":
                    final Map<String, BigDecimal[]> balances = new LinkedHashMap<>();
                    for (final JsonNode b : json.path("a").path("B"))
                    {
                        final BigDecimal wallet = BinanceAnswers.decimal(b, "wb");
                        final BigDecimal free = BinanceAnswers.decimal(b, "cw").min(wallet);
                        balances.put(b.path("a").asText(), new BigDecimal[] {free, wallet.subtract(free)});
                    }
                    events.add(new StreamEvent(null, balances));
                    break;
                case "listenKeyExpired":
                    events.add(StreamEvent.STREAM_EXPIRED);  // the socket stays open, silent: only a new key's socket hears fills
                    break;
                default:
                    break;  // MARGIN_CALL, ACCOUNT_CONFIG_UPDATE: nothing the orders need
            }
        }
        catch (final IOException ex)
        {
            return events;
        }
        return events;
    }
}
