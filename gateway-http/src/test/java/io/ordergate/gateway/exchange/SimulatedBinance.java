package io.ordergate.gateway.exchange;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.ordergate.simulators.exchange.SimulatedExchange;

/**
 * The set-up the Binance HTTP tests share, as a JUnit extension ({@code @RegisterExtension}): before each test a
 * simulated Binance on a free loopback port with one funded API key and a BTCUSDT quote, and a gateway
 * ({@link ExchangeHarness}) on a fresh data directory whose binance venue points at it; after the test both are
 * closed and the directory deleted. {@link #restart} stops the gateway and starts it again on the same journal.
 */
final class SimulatedBinance implements BeforeEachCallback, AfterEachCallback
{
    /** What a test does while its gateway is down: read the journal's files, or make the exchange misbehave. */
    interface WhileDown
    {
        void run() throws Exception;
    }

    private final String key;
    private final String secret;
    private final Map<String, String> balances;
    private final UnaryOperator<String> configEdit;
    private Path dir;
    private SimulatedExchange venue;
    private ExchangeHarness gateway;

    SimulatedBinance(final String key, final String secret, final Map<String, String> balances)
    {
        this(key, secret, balances, UnaryOperator.identity());
    }

    /** {@code configEdit} changes the {@code exchanges} section the gateway is given (a refresh period, say). */
    SimulatedBinance(final String key, final String secret, final Map<String, String> balances, final UnaryOperator<String> configEdit)
    {
        this.key = key;
        this.secret = secret;
        this.balances = balances;
        this.configEdit = configEdit;
    }

    @Override
    public void beforeEach(final ExtensionContext context) throws IOException
    {
        dir = Files.createTempDirectory("og-binance-test-");
        venue = SimulatedExchange.start(0);
        venue.addAccount(key, secret, balances);
        venue.quote("BTCUSDT", "65000.00", "65001.00");
        gateway = open();
    }

    @Override
    public void afterEach(final ExtensionContext context) throws IOException
    {
        try
        {
            if (gateway != null)
            {
                gateway.close();
            }
        }
        finally
        {
            if (venue != null)
            {
                venue.close();  // null only when it could not start: the test failed in the set-up already
            }
            try (Stream<Path> files = Files.walk(dir))
            {
                for (final Path file : files.sorted(Comparator.reverseOrder()).toList())
                {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    SimulatedExchange venue()
    {
        return venue;
    }

    ExchangeHarness gateway()
    {
        return gateway;
    }

    /** The gateway's data directory (its journal under {@code journal/}). */
    Path dir()
    {
        return dir;
    }

    /** Stops the gateway, runs {@code whileDown}, and starts it again on the same data directory; returns the new one. */
    ExchangeHarness restart(final WhileDown whileDown) throws Exception
    {
        final ExchangeHarness stopping = gateway;
        gateway = null;  // closed here, whatever whileDown does: not again after the test
        stopping.close();
        whileDown.run();
        gateway = open();
        return gateway;
    }

    private ExchangeHarness open()
    {
        return new ExchangeHarness(dir, configEdit.apply(ExchangeHarness.exchangesAt(venue)));
    }
}
