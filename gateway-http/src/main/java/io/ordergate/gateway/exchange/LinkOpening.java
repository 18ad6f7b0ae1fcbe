package io.ordergate.gateway.exchange;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;

import io.ordergate.config.ExchangeConfig;
import io.ordergate.config.ExchangeEndpointConfig;
import io.ordergate.config.InstrumentSpec;
import io.ordergate.config.VenueKind;
import io.ordergate.config.secrets.SecretBox;
import io.ordergate.exchange.binance.BinanceDialect;
import io.ordergate.exchange.binance.BinanceFuturesDialect;
import io.ordergate.exchange.okx.OkxDialect;
import io.ordergate.exchange.spi.Credentials;
import io.ordergate.exchange.spi.ExchangeDialect;
import io.ordergate.exchange.client.VenueReports;

/**
 * Makes one exchange account's link from its sealed credentials: which dialect speaks for it (its venue and market),
 * where it connects (the configuration's {@code exchanges}, or a test's override), and its credentials opened with the
 * master key for each signature only, never kept. Thread safe.
 */
final class LinkOpening
{
    private final ExchangeDialect spotDialect = new BinanceDialect();
    private final ExchangeDialect futuresDialect = new BinanceFuturesDialect();
    private final ExchangeDialect okxDialect = new OkxDialect();
    private final ExchangeConfig config;
    private final List<InstrumentSpec> instruments;
    private final SecretBox secrets;
    private final HttpClient http;
    private final ScheduledExecutorService io;
    /** Accounts pointed somewhere else than the configuration says (the demo's simulated exchange). */
    private final Map<String, ExchangeEndpointConfig> overrides = new ConcurrentHashMap<>();

    LinkOpening(final ExchangeConfig config, final List<InstrumentSpec> instruments, final SecretBox secrets, final HttpClient http,
        final ScheduledExecutorService io)
    {
        this.config = config;
        this.instruments = List.copyOf(instruments);
        this.secrets = secrets;
        this.http = http;
        this.io = io;
    }

    /** Points one account of the exchange {@code venue} at a simulated exchange serving everything at one address. */
    void override(final String accountId, final VenueKind venue, final URI restUrl, final URI streamUrl)
    {
        overrides.put(accountId, config.forAccount(accountId, venue).pointedAt(restUrl, streamUrl));
    }

    /** The account's link, reporting to {@code reports}. */
    ExchangeLink open(final String accountId, final SealedCredentials credentials, final VenueReports reports)
    {
        final VenueKind venue = credentials.venueOrBinance();
        final ExchangeEndpointConfig endpoint = overrides.getOrDefault(accountId, config.forAccount(accountId, venue));
        final ExchangeDialect dialect = venue == VenueKind.OKX ? okxDialect : credentials.futuresMarket() ? futuresDialect : spotDialect;
        return ExchangeLink.open(accountId, dialect, endpoint, credentials.testnet(), () -> plain(accountId, credentials), http, io,
            reports, instruments);
    }

    /** The plain credentials, for one signature; the master key opens them, nothing keeps them. */
    private Credentials plain(final String accountId, final SealedCredentials credentials)
    {
        return new Credentials(secrets.open(credentials.key(), accountId + "/api_key"), secrets.open(credentials.secret(), accountId + "/api_secret"),
            credentials.passphrase() == null ? null : secrets.open(credentials.passphrase(), accountId + "/passphrase"));
    }
}
