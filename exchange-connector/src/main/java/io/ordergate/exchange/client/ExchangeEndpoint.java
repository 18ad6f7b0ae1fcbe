package io.ordergate.exchange.client;

import java.net.URI;
import java.time.Duration;

import io.ordergate.exchange.spi.VenueRequest;

/**
 * Where one exchange account connects and how patient it is, from the configuration ({@code exchanges} in the YAML):
 * the same code points at the real exchange, its testnet or a simulator with nothing but these changed.
 * Immutable: safe from any thread.
 *
 * @param restUrl          the spot REST API
 * @param futuresRestUrl   the USDⓈ-M futures REST API (Binance serves it on another host)
 * @param streamUrl        the user-data WebSocket
 * @param timeout          no answer by then: the request's outcome is unknown
 * @param recvWindowMillis how long a signed request stays valid after its timestamp
 * @param testnet          the account trades on the exchange's testnet (its requests may say so: {@code ExchangeDialect.forTestnet})
 */
public record ExchangeEndpoint(URI restUrl, URI futuresRestUrl, URI streamUrl, Duration timeout, long recvWindowMillis, boolean testnet)
{
    /** One simulator (or exchange) serving every API at one address, as in the tests and the demo. */
    public static ExchangeEndpoint single(final URI restUrl, final URI streamUrl, final Duration timeout)
    {
        return new ExchangeEndpoint(restUrl, restUrl, streamUrl, timeout, 5_000, false);
    }

    /** The base address of a request's API. */
    public URI base(final VenueRequest.Api api)
    {
        return api == VenueRequest.Api.FUTURES ? futuresRestUrl : restUrl;
    }
}
