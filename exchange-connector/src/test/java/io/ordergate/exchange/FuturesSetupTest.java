package io.ordergate.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.ordergate.exchange.client.FuturesSetup;
import io.ordergate.exchange.spi.FuturesSettings;
import io.ordergate.exchange.spi.FuturesSettings.MarginType;
import io.ordergate.exchange.spi.FuturesSettings.PositionMode;

/** Seed 001's trading_config sent to the simulated exchange's USDⓈ-M settings routes, signed, over loopback. */
class FuturesSetupTest
{
    private ConnectorFixture fixture;
    private FuturesSetup setup;

    @BeforeEach
    void start()
    {
        fixture = new ConnectorFixture(6_000, 100);
        setup = new FuturesSetup(fixture.client, fixture.reports, fixture.io);
    }

    @AfterEach
    void stop() throws InterruptedException
    {
        fixture.close();
    }

    @Test
    void shouldSetHedgeModeIsolatedMarginAndLeverageAtTheExchange() throws Exception
    {
        final FuturesSetup.Outcome outcome = setup.apply(new FuturesSettings("BTCUSDT", 10, MarginType.ISOLATED, PositionMode.HEDGE))
            .get(20, TimeUnit.SECONDS);
        assertTrue(outcome.applied(), outcome.toString());
        final Map<String, Object> held = fixture.exchange.futuresSettings(ConnectorFixture.KEY);
        assertEquals(true, held.get("dualSidePosition"));
        assertEquals(Map.of("BTCUSDT", 10), held.get("leverage"));
        assertEquals(Map.of("BTCUSDT", "ISOLATED"), held.get("marginType"));
        assertTrue(fixture.reports.all.stream().anyMatch(r -> r.kind().equals("settings applied")));
    }

    @Test
    void shouldReportNothingWhenTheAccountsConnectionClosedUnderneathAndSaySo() throws Exception
    {
        // the link was replaced (new credentials or settings): its "closed" is not the exchange refusing the settings,
        // and the gateway applies them again on the new link (ExchangeIo)
        fixture.client.close();
        final FuturesSetup.Outcome outcome = setup.apply(new FuturesSettings("BTCUSDT", 10, MarginType.ISOLATED, PositionMode.HEDGE))
            .get(20, TimeUnit.SECONDS);
        assertTrue(outcome.linkClosed(), outcome.toString());
        assertTrue(!outcome.applied(), outcome.toString());
        assertTrue(fixture.reports.all.stream().noneMatch(r -> r.kind().startsWith("settings")), "reported: " + fixture.reports.all);
    }

    @Test
    void shouldCountAnAlreadySetModeAsAppliedAndSendNothingTwiceThatMatters() throws Exception
    {
        final FuturesSettings settings = new FuturesSettings("ETHUSDT", 5, MarginType.ISOLATED, PositionMode.HEDGE);
        assertTrue(setup.apply(settings).get(20, TimeUnit.SECONDS).applied());
        final FuturesSetup.Outcome again = setup.apply(settings).get(20, TimeUnit.SECONDS);
        assertTrue(again.applied(), "the exchange's 'no need to change' (-4046, -4059) is success: " + again);
        assertEquals(2, fixture.exchange.errorsAnswered(-4046) + fixture.exchange.errorsAnswered(-4059));
    }

    @Test
    void shouldSendASettingAgainAfterA429() throws Exception
    {
        fixture.exchange.faults().rateLimitNext(1, 1);
        final FuturesSetup.Outcome outcome = setup.apply(new FuturesSettings("BTCUSDT", 20, null, null)).get(20, TimeUnit.SECONDS);
        assertTrue(outcome.applied(), outcome.toString());
        assertEquals(Map.of("BTCUSDT", 20), fixture.exchange.futuresSettings(ConnectorFixture.KEY).get("leverage"));
    }

    /**
     * A leverage above the symbol's highest at the exchange (its leverage brackets, 50 here) is refused before any of the
     * settings is sent, with a message naming both; the brackets are asked once and kept for the leverages let through.
     * Before 2026-12-06 the position mode and margin type were applied and the leverage then refused by the exchange
     * (-4028 "Leverage 75 is not valid", naming no maximum).
     */
    @Test
    void shouldRefuseALeverageAboveTheSymbolsBracketsBeforeSendingAnySetting() throws Exception
    {
        fixture.exchange.maxLeverage("BTCUSDT", 50);

        final FuturesSetup.Outcome tooHigh = setup.apply(new FuturesSettings("BTCUSDT", 75, MarginType.ISOLATED, PositionMode.HEDGE))
            .get(20, TimeUnit.SECONDS);

        assertFalse(tooHigh.applied(), tooHigh.toString());
        assertTrue(tooHigh.message().contains("leverage 75 is above BTCUSDT's highest at the exchange, 50"), tooHigh.message());
        assertEquals(0, fixture.exchange.requestsReceived("POST", "/fapi/v1/leverage") + fixture.exchange.requestsReceived("POST", "/fapi/v1/marginType")
            + fixture.exchange.requestsReceived("POST", "/fapi/v1/positionSide/dual"), "no setting sent");
        assertEquals(false, fixture.exchange.futuresSettings(ConnectorFixture.KEY).get("dualSidePosition"), "nothing half applied");
        assertTrue(fixture.reports.all.stream().anyMatch(r -> r.kind().equals("settings refused")), "reported: " + fixture.reports.all);

        assertTrue(setup.apply(new FuturesSettings("BTCUSDT", 50, null, null)).get(20, TimeUnit.SECONDS).applied());
        assertTrue(setup.apply(new FuturesSettings("BTCUSDT", 20, null, null)).get(20, TimeUnit.SECONDS).applied());
        assertEquals(Map.of("BTCUSDT", 20), fixture.exchange.futuresSettings(ConnectorFixture.KEY).get("leverage"));
        assertEquals(1, fixture.exchange.requestsReceived("GET", "/fapi/v1/leverageBracket"), "the symbol's brackets asked once");
    }

    @Test
    void shouldReportTheExchangesRefusal() throws Exception
    {
        // brackets that cannot be read leave the leverage to the exchange alone
        fixture.exchange.faults().refuseNext("GET", "/fapi/v1/leverageBracket", 1, 400, -1000, "An unknown error occurred.");
        final FuturesSetup.Outcome tooHigh = setup.apply(new FuturesSettings("BTCUSDT", 500, null, null)).get(20, TimeUnit.SECONDS);
        assertFalse(tooHigh.applied());
        assertEquals("-4028", tooHigh.code());
        fixture.session.place(fixture.limit(1, "BUY", "0.01", "60000.00", "GTC"));
        fixture.reports.awaitStatus(1, io.ordergate.exchange.spi.OrderState.Status.NEW);
        final FuturesSetup.Outcome underOrders = setup.apply(new FuturesSettings("BTCUSDT", null, null, PositionMode.HEDGE))
            .get(20, TimeUnit.SECONDS);
        assertEquals("-4067", underOrders.code(), "the position mode cannot change under open orders: " + underOrders);
        assertFalse(fixture.reports.all.stream().anyMatch(r -> r.kind().equals("settings applied")));
    }
}
