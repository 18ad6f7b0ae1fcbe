package io.ordergate.gateway.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.ordergate.config.ConfigLoader;
import io.ordergate.config.GatewayConfig;
import io.ordergate.config.secrets.MasterKeys;
import io.ordergate.config.secrets.SecretBox;
import io.ordergate.gateway.core.CommandPublisher;
import io.ordergate.simulators.exchange.SimulatedExchange;

/**
 * The connector's terms as a cluster member leads and follows: it knows the sealed credentials all along but opens no
 * link until it starts (it leads), closes them when it stops (it follows; the new leader links instead), and opens
 * them again for a later term. The user-data sockets the simulated exchange holds open tell.
 */
class ExchangeIoTermsTest
{
    private static final String KEY = "simtermskey0123456789";
    private static final String SECRET = "sim-terms-secret-0123456789";

    @Test
    void shouldLinkOnlyWhileStartedAndCloseItsLinksWhenStopped()
    {
        try (SimulatedExchange exchange = SimulatedExchange.start(0))
        {
            exchange.addAccount(KEY, SECRET, Map.of("USDT", "1000"));
            final GatewayConfig config = ConfigLoader.parse(ExchangeHarness.CONFIG + ExchangeHarness.exchangesAt(exchange), "terms-test");
            final SecretBox secrets = new SecretBox(MasterKeys.of(new byte[32]));
            try (ExchangeIo io = new ExchangeIo(config.exchanges(), config.instruments(), secrets))
            {
                io.credentials("binance-demo", new SealedCredentials(false, secrets.seal(KEY, "binance-demo/api_key"),
                    secrets.seal(SECRET, "binance-demo/api_secret"), null));
                assertNull(io.readBalances("binance-demo"), "a member that does not lead has no link");
                assertEquals(0, exchange.openUserStreams());

                final CommandPublisher publisher = new CommandPublisher();
                io.start(publisher);
                ExchangeHarness.await("the link's user stream is open", () -> exchange.openUserStreams() == 1);

                io.stop();
                ExchangeHarness.await("the link closed", () -> exchange.openUserStreams() == 0);
                assertNull(io.readBalances("binance-demo"), "nothing is sent after the term ends");

                io.start(publisher);
                assertNotNull(io.readBalances("binance-demo"), "a later term links again");
                ExchangeHarness.await("the user stream is open again", () -> exchange.openUserStreams() == 1);
            }
        }
    }
}
