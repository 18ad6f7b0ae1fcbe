package io.ordergate.gateway.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A futures account in hedge mode whose exchange holds both a long and a short in a symbol (the short opened elsewhere with
 * the same key): the gateway keeps one net position per symbol, so a positions read does not net the two sides into it
 * (a long and an equal short read as flat booked a sell that never happened, closing the gateway's long); it leaves the
 * position as it was, names the symbol in {@code positions_held_both_sides}, and compares it again once one side is gone.
 */
class ExchangeHedgeBothSidesTest extends SimulatedBinanceTest
{
    private static final String KEY = "hedge-both-key-000111222";
    private static final String SECRET = "hedge-both-secret-333444555666";

    ExchangeHedgeBothSidesTest()
    {
        super(new SimulatedBinance(KEY, SECRET, Map.of("USDT", "10000")));
    }

    @BeforeEach
    void start()
    {
        gateway.createFuturesAccount(venue, "bn-hedge", KEY, SECRET);
        final JsonNode asked = gateway.call("PUT", "/api/v1/accounts/bn-hedge/futures-settings", "{\"symbol\":\"BTCUSDT\",\"position_mode\":\"hedge\"}");
        assertEquals(200, asked.path("_status").asInt(), asked.toString());
        ExchangeHarness.await("hedge mode applied", () -> "hedge".equals(account().path("futures_position_mode").asText()));
    }

    @Test
    void shouldNotNetALongAndAShortTheExchangeHoldsIntoOnePosition()
    {
        gateway.awaitStatus(gateway.order("bn-hedge", "BTCUSDT", "buy", "0.01", "hb-1").path("order_id").asText(), "filled");
        venue.faults().muteUserStreams(60_000);
        venue.futuresOrderElsewhere(KEY, "BTCUSDT", "SELL", "SHORT", "0.01");  // a short beside the long, never told
        venue.faults().clear();
        final String checked = account().path("positions_checked_at").asText();
        venue.dropUserStreams();
        ExchangeHarness.await("positions read at the reconnect", () -> !checked.equals(account().path("positions_checked_at").asText()));

        assertEquals("[\"BTCUSDT\"]", account().path("positions_held_both_sides").toString(), account().toString());
        final JsonNode positions = gateway.get("/api/v1/positions?account_id=bn-hedge").path("positions");
        assertEquals(1, positions.size(), "the gateway's long stays: " + positions);
        assertEquals("buy", positions.get(0).path("side").asText(), positions.toString());
        assertEquals(new BigDecimal("0.01"), ExchangeHarness.decimal(positions.get(0).path("quantity")), positions.toString());
        assertEquals(1, gateway.get("/api/v1/trades?account_id=bn-hedge").path("trades").size(), "no fill booked that never happened");

        // the short closed at the exchange: the symbol is compared again and nothing is missing
        venue.faults().muteUserStreams(60_000);
        venue.futuresOrderElsewhere(KEY, "BTCUSDT", "BUY", "SHORT", "0.01");
        venue.faults().clear();
        final String again = account().path("positions_checked_at").asText();
        venue.dropUserStreams();
        ExchangeHarness.await("read again", () -> !again.equals(account().path("positions_checked_at").asText()));
        assertEquals("[]", account().path("positions_held_both_sides").toString(), account().toString());
        assertEquals(1, gateway.get("/api/v1/positions?account_id=bn-hedge").path("positions").size());
        assertEquals(1, gateway.get("/api/v1/trades?account_id=bn-hedge").path("trades").size(), "the long was the whole truth");
    }

    private JsonNode account()
    {
        return gateway.get("/api/v1/accounts/bn-hedge");
    }
}
