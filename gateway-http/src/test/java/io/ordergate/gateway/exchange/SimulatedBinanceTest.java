package io.ordergate.gateway.exchange;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.ordergate.simulators.exchange.SimulatedExchange;

/**
 * What a Binance HTTP test starts from: its {@link SimulatedBinance} set-up, registered as the test's extension, and
 * that set-up's simulated exchange and gateway at hand as {@link #venue} and {@link #gateway} before each test (a
 * subclass's own {@code @BeforeEach} runs after this one's, so it may use them).
 */
abstract class SimulatedBinanceTest
{
    @RegisterExtension
    final SimulatedBinance binance;

    SimulatedExchange venue;
    /** The gateway under test: a test that restarts it keeps the one {@link SimulatedBinance#restart} returns here. */
    ExchangeHarness gateway;

    SimulatedBinanceTest(final SimulatedBinance binance)
    {
        this.binance = binance;
    }

    @BeforeEach
    final void takeVenueAndGateway()
    {
        venue = binance.venue();
        gateway = binance.gateway();
    }
}
