package io.ordergate.gateway.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A futures account's view and positions through the real gateway against the simulated exchange: the USDT balance
 * carries the exchange's unrealized profit and margin balance (from {@code /fapi/v3/account}), sync-balance makes the
 * account's equity the margin balance, the balances are read again every balance_refresh_seconds (1 here) so the
 * unrealized profit follows the mark price unasked, and a fill the gateway never ordered (an order placed elsewhere with the same key)
 * is learnt from {@code /fapi/v2/positionRisk} at the stream's reconnect and booked once, however often it is read.
 */
class ExchangeFuturesAccountTest extends SimulatedBinanceTest
{
    private static final String KEY = "futures-account-key-000111222";
    private static final String SECRET = "futures-account-secret-333444555666";

    ExchangeFuturesAccountTest()
    {
        super(new SimulatedBinance(KEY, SECRET, Map.of("USDT", "10000"),
            // balances read again every second (balance_refresh_seconds), so the unrealized profit follows the mark unasked
            exchanges -> exchanges.replace("timeout_millis: 3000 }", "timeout_millis: 3000, balance_refresh_seconds: 1 }")));
    }

    @BeforeEach
    void start()
    {
        gateway.createFuturesAccount(venue, "bn-fut", KEY, SECRET);
    }

    private JsonNode usdt()
    {
        return gateway.get("/api/v1/accounts/bn-fut").path("balances").path("USDT");
    }

    private BigDecimal netPosition()
    {
        BigDecimal net = BigDecimal.ZERO;
        for (final JsonNode p : gateway.get("/api/v1/positions?account_id=bn-fut").path("positions"))
        {
            final BigDecimal quantity = ExchangeHarness.decimal(p.path("quantity"));
            net = net.add("sell".equals(p.path("side").asText()) ? quantity.negate() : quantity);
        }
        return net;
    }

    @Test
    void shouldShowTheExchangesUnrealizedProfitAndMarginBalanceAndSyncTheEquityToIt()
    {
        ExchangeHarness.await("the futures account read (/fapi/v3/account)", () -> usdt().has("margin_balance"));
        assertEquals(0, ExchangeHarness.decimal(usdt().path("unrealized_pnl")).signum(), usdt().toString());
        assertEquals(new BigDecimal("10000"), ExchangeHarness.decimal(usdt().path("margin_balance")));
        gateway.awaitStatus(gateway.order("bn-fut", "BTCUSDT", "buy", "0.1", "fa-1").path("order_id").asText(), "filled");  // at 65001
        venue.quote("BTCUSDT", "66000.00", "66001.00");
        final JsonNode synced = gateway.call("POST", "/api/v1/accounts/bn-fut/sync-balance", null);
        assertEquals(true, synced.path("success").asBoolean(), synced.toString());
        final JsonNode usdt = usdt();
        // the exchange marks the long at its bid: (66000 - 65001) x 0.1
        assertEquals(new BigDecimal("99.9"), ExchangeHarness.decimal(usdt.path("unrealized_pnl")), usdt.toString());
        assertEquals(new BigDecimal("10000"), ExchangeHarness.decimal(usdt.path("total")), "total stays the wallet: " + usdt);
        assertEquals(new BigDecimal("10099.9"), ExchangeHarness.decimal(usdt.path("margin_balance")), "wallet + unrealized");
        assertTrue(ExchangeHarness.decimal(usdt.path("available")).compareTo(ExchangeHarness.decimal(usdt.path("total"))) < 0,
            "the position's margin is not available: " + usdt);
        assertEquals(new BigDecimal("10099.9"), ExchangeHarness.decimal(synced.path("equity")), "sync-balance: the equity is the margin balance");
        assertTrue(gateway.get("/api/v1/accounts/bn-fut").has("balances_updated_at"));
    }

    @Test
    void shouldFollowTheMarkPriceWithoutASyncBalance()
    {
        ExchangeHarness.await("the futures account read (/fapi/v3/account)", () -> usdt().has("margin_balance"));
        gateway.awaitStatus(gateway.order("bn-fut", "BTCUSDT", "buy", "0.1", "fr-1").path("order_id").asText(), "filled");  // at 65001
        venue.quote("BTCUSDT", "66000.00", "66001.00");
        // the exchange marks the long at its bid: (66000 - 65001) x 0.1; nothing but the refresh reads it
        ExchangeHarness.await("the unrealized profit at the new mark", () ->
            new BigDecimal("99.9").compareTo(ExchangeHarness.decimal(usdt().path("unrealized_pnl"))) == 0);
        assertEquals(new BigDecimal("10099.9"), ExchangeHarness.decimal(usdt().path("margin_balance")), "wallet + unrealized: " + usdt());
        venue.quote("BTCUSDT", "64000.00", "64001.00");
        ExchangeHarness.await("and at the next one", () ->
            new BigDecimal("-100.1").compareTo(ExchangeHarness.decimal(usdt().path("unrealized_pnl"))) == 0);
    }

    @Test
    void shouldBookOnceAFillTheGatewayNeverOrderedWhenTheStreamReconnects()
    {
        gateway.awaitStatus(gateway.order("bn-fut", "BTCUSDT", "buy", "0.01", "fa-2").path("order_id").asText(), "filled");
        ExchangeHarness.await("the gateway's own fill", () -> netPosition().compareTo(new BigDecimal("0.01")) == 0);
        venue.faults().muteUserStreams(60_000);
        venue.futuresOrderElsewhere(KEY, "BTCUSDT", "BUY", "0.02");  // nothing the gateway sent, and its events are lost
        assertEquals(0, netPosition().compareTo(new BigDecimal("0.01")), "nothing told the gateway yet");
        venue.faults().clear();
        venue.dropUserStreams();
        ExchangeHarness.await("positionRisk read at the reconnect, the missed 0.02 booked", () -> netPosition().compareTo(new BigDecimal("0.03")) == 0);
        final JsonNode trades = gateway.get("/api/v1/trades?account_id=bn-fut").path("trades");
        assertEquals(2, trades.size(), trades.toString());
        int withoutOrder = 0;
        for (final JsonNode trade : trades)
        {
            if (trade.path("order_id").isNull())
            {
                withoutOrder++;
                assertEquals(new BigDecimal("0.02"), ExchangeHarness.decimal(trade.path("quantity")), trade.toString());
            }
        }
        assertEquals(1, withoutOrder, "the missed fill is one trade with no order of the gateway's");

        final String checked = gateway.get("/api/v1/accounts/bn-fut").path("positions_checked_at").asText();
        assertTrue(!checked.isEmpty(), "the view says when positions were last compared");
        venue.dropUserStreams();  // read again: the same truth changes nothing
        ExchangeHarness.await("compared again at the next reconnect", () ->
            !checked.equals(gateway.get("/api/v1/accounts/bn-fut").path("positions_checked_at").asText()));
        assertEquals(0, netPosition().compareTo(new BigDecimal("0.03")), "applied once");
        assertEquals(2, gateway.get("/api/v1/trades?account_id=bn-fut").path("trades").size());
    }
}
