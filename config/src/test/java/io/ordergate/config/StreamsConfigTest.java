package io.ordergate.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The stream sockets' section, its quote pacing keys in particular (docs/CONFIGURATION.md, {@code streams}). */
class StreamsConfigTest
{
    private static final String INSTRUMENT = "instruments: [ { symbol: EURUSD, digits: 5, pip_size: 0.0001, contract_size: 100000," +
        " lot_step: 0.01, min_quantity: 0.01, max_quantity: 100, base_currency: EUR, quote_currency: USD } ]\n";

    @Test
    void quotesArePacedInTurnsOf200MicrosecondsWithAMillisecondBetweenByDefault()
    {
        final StreamsConfig streams = ConfigLoader.parse(INSTRUMENT, "test").streams();
        assertEquals(200, streams.quoteTurnMicros());
        assertEquals(1000, streams.quotePauseMicros());
        assertEquals(1024, streams.maxQueuedMessages());
        assertEquals(1, streams.eventLoopThreads());
    }

    @Test
    void readsThePacingKeysAndAcceptsZeroForAQuoteWrittenAtOnce()
    {
        final StreamsConfig streams = ConfigLoader.parse(INSTRUMENT + "streams: { quote_turn_micros: 0, quote_pause_micros: 250, event_loop_threads: 0 }",
            "test").streams();
        assertEquals(0, streams.quoteTurnMicros());
        assertEquals(250, streams.quotePauseMicros());
        assertEquals(0, streams.eventLoopThreads());
    }

    @Test
    void aNegativeTurnOrPauseIsRefusedWithItsPath()
    {
        final ConfigException turn = assertThrows(ConfigException.class,
            () -> ConfigLoader.parse(INSTRUMENT + "streams: { quote_turn_micros: -1 }", "test"));
        assertTrue(turn.getMessage().contains("streams.quote_turn_micros"), turn.getMessage());
        final ConfigException pause = assertThrows(ConfigException.class,
            () -> ConfigLoader.parse(INSTRUMENT + "streams: { quote_pause_micros: 2000000 }", "test"));
        assertTrue(pause.getMessage().contains("streams.quote_pause_micros"), pause.getMessage());
        final ConfigException loops = assertThrows(ConfigException.class,
            () -> ConfigLoader.parse(INSTRUMENT + "streams: { event_loop_threads: 65 }", "test"));
        assertTrue(loops.getMessage().contains("streams.event_loop_threads"), loops.getMessage());
    }

    @Test
    void theFanOutsSharedRequestQueueHoldsAtMost65536ByDefaultAndTheRangeIsChecked()
    {
        assertEquals(65_536, ConfigLoader.parse(INSTRUMENT, "test").streams().maxPendingRequests());
        assertEquals(16, ConfigLoader.parse(INSTRUMENT + "streams: { max_pending_requests: 16 }", "test").streams().maxPendingRequests());
        final ConfigException small = assertThrows(ConfigException.class,
            () -> ConfigLoader.parse(INSTRUMENT + "streams: { max_pending_requests: 15 }", "test"));
        assertTrue(small.getMessage().contains("streams.max_pending_requests"), small.getMessage());
        final ConfigException large = assertThrows(ConfigException.class,
            () -> ConfigLoader.parse(INSTRUMENT + "streams: { max_pending_requests: 10000001 }", "test"));
        assertTrue(large.getMessage().contains("streams.max_pending_requests"), large.getMessage());
    }
}
