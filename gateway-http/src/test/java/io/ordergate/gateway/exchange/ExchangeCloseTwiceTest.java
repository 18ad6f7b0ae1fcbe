package io.ordergate.gateway.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.ordergate.simulators.exchange.Faults;

/**
 * A close sent twice for the same position of an exchange account (the exchange answers later, through the ring): the
 * position is closed once at the exchange and in the engine, the second close gets a clear answer, and no order or
 * fill is lost or doubled.
 */
class ExchangeCloseTwiceTest
{
    @TempDir
    Path dir;

    private ExchangeHarness gateway;

    @BeforeEach
    void start()
    {
        gateway = new ExchangeHarness(dir);
    }

    @AfterEach
    void stop()
    {
        gateway.close();
    }

    @Test
    void shouldCloseThePositionOnceWhenTheSecondCloseArrivesBeforeTheFirstsAnswer()
    {
        gateway.awaitStatus(gateway.order("binance-demo", "BTCUSDT", "buy", "0.01", "ex-open").path("order_id").asText(), "filled");
        final JsonNode opened = gateway.get("/api/v1/positions?account_id=binance-demo").path("positions");
        assertEquals(1, opened.size(), opened.toString());
        final String positionId = opened.get(0).path("position_id").asText();
        answerLate(1);

        final JsonNode first = gateway.call("POST", "/api/v1/positions/" + positionId + "/close", "{}");
        final JsonNode second = gateway.call("POST", "/api/v1/positions/" + positionId + "/close", "{}");

        assertEquals(200, first.path("_status").asInt(), first.toString());
        assertEquals("routed", first.path("status").asText(), first.toString());
        assertEquals(409, second.path("_status").asInt(), "the second close is told the position is already being closed: " + second);
        assertTrue(second.toString().contains("already being closed by order " + first.path("order_id").asText()), second.toString());
        gateway.awaitStatus(first.path("order_id").asText(), "filled");
        ExchangeHarness.await("the position closed", () -> gateway.get("/api/v1/positions?account_id=binance-demo").path("positions").isEmpty());
        ExchangeHarness.await("the BTC balance back where it was", () -> gateway.get("/api/v1/accounts/binance-demo").path("balances").path("BTC")
            .path("total").decimalValue().compareTo(BigDecimal.ONE) == 0);
        assertEquals(2, gateway.exchange().orders(null).size(), "the open and one close at the exchange: " + gateway.exchange().orders(null));
        final JsonNode closed = gateway.get("/api/v1/positions/closed?account_id=binance-demo").path("positions");
        assertEquals(1, closed.size(), closed.toString());
        assertEquals(0, new BigDecimal("0.01").compareTo(ExchangeHarness.decimal(closed.get(0).path("size"))), closed.toString());
        final JsonNode trades = gateway.get("/api/v1/trades?account_id=binance-demo").path("trades");
        assertEquals(2, trades.size(), trades.toString());
    }

    /** Two partial closes that together fit the position both go out while the first is unanswered; a third is refused. */
    @Test
    void shouldSendPartialClosesThatFitThePositionAndRefuseOneBeyondIt()
    {
        gateway.awaitStatus(gateway.order("binance-demo", "BTCUSDT", "buy", "0.02", "ex-open").path("order_id").asText(), "filled");
        final String positionId = gateway.get("/api/v1/positions?account_id=binance-demo").path("positions").get(0).path("position_id").asText();
        answerLate(2);

        final JsonNode firstHalf = gateway.call("POST", "/api/v1/positions/" + positionId + "/close", "{\"quantity\":0.01}");
        final JsonNode secondHalf = gateway.call("POST", "/api/v1/positions/" + positionId + "/close", "{\"quantity\":0.01}");
        final JsonNode beyond = gateway.call("POST", "/api/v1/positions/" + positionId + "/close", "{\"quantity\":0.01}");

        assertEquals("routed", firstHalf.path("status").asText(), firstHalf.toString());
        assertEquals("routed", secondHalf.path("status").asText(), secondHalf.toString());
        assertEquals(409, beyond.path("_status").asInt(), beyond.toString());
        gateway.awaitStatus(firstHalf.path("order_id").asText(), "filled");
        gateway.awaitStatus(secondHalf.path("order_id").asText(), "filled");
        ExchangeHarness.await("the position closed", () -> gateway.get("/api/v1/positions?account_id=binance-demo").path("positions").isEmpty());
        assertEquals(3, gateway.exchange().orders(null).size(), "the open and two halves at the exchange: " + gateway.exchange().orders(null));
    }

    /**
     * The next {@code closes} orders fill at the exchange but their answers come back late: the REST answer never (the
     * connector gives up after the harness's 3 s and asks), the stream's 4 s later. Until then each stays working in the
     * engine, so the closes asked right after meet it there whatever the machine's speed.
     */
    private void answerLate(final int closes)
    {
        gateway.exchange().faults().failAfterPlacing(closes, Faults.FailMode.NO_ANSWER).delayUserStreams(4_000);
    }
}
