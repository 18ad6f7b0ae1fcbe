package io.ordergate.gateway.experts;

import io.ordergate.config.VenueKind;
import io.ordergate.engine.command.BodyWriter;
import io.ordergate.engine.venue.FuturesSettings;
import io.ordergate.gateway.accounts.ExchangeCredentialFields;
import io.ordergate.gateway.json.BadRequest;
import io.ordergate.gateway.json.RequestReader;

/**
 * Seed 001's {@code exchange} ({@code name}, {@code api_key}, {@code api_secret}, {@code api_passphrase}, {@code testnet})
 * and {@code trading_config} ({@code market_type} spot|futures, {@code contract_type} linear, {@code margin_mode}
 * isolated|cross, {@code position_mode} hedge|one_way) of {@code POST /experts}. The credentials are plain text held only
 * until the exchange feature seals them; never encoded into a command here. <b>Not thread safe</b>: one per request.
 */
final class ExpertTradingConfig
{
    private static final String[] MARKET_TYPES = {"spot", "futures"};

    private ExchangeCredentialFields exchange;
    private VenueKind venue = VenueKind.BINANCE;
    private boolean futures;
    private int marginMode = FuturesSettings.UNCHANGED;
    private int positionMode = FuturesSettings.UNCHANGED;

    /** {@code exchange}: an exchange account made for the expert, with its credentials. */
    void readExchange(final RequestReader in, final String field) throws BadRequest
    {
        if (!in.expectObject(field))
        {
            return;
        }
        exchange = new ExchangeCredentialFields();
        String name = null;
        while (in.nextField())
        {
            final String key = in.fieldName();
            if ("name".equals(key))
            {
                name = in.string(field + ".name", 32);
                if ("okx".equalsIgnoreCase(name))
                {
                    venue = VenueKind.OKX;
                }
                else if (name != null && !"binance".equalsIgnoreCase(name))
                {
                    in.fail(field + ".name", "exchange.name must be binance or okx");
                }
            }
            else if (!exchange.read(in, "api_passphrase".equals(key) ? "passphrase" : key))
            {
                in.unknownField(field + "." + key);
            }
        }
        if (name == null)
        {
            in.fail(field + ".name", "exchange.name is required (binance or okx)");
        }
        exchange.require(in, venue.code());  // an okx account's passphrase (api_passphrase) too
    }

    /** After the whole body: an okx account trades spot, so an okx expert cannot ask for futures. */
    void checkVenueMarket() throws BadRequest
    {
        if (exchange != null && venue == VenueKind.OKX && futures)
        {
            throw BadRequest.validation("trading_config.market_type", "an okx expert trades spot: market_type futures is for binance");
        }
    }

    /** {@code trading_config.market_type} is futures. */
    boolean futures()
    {
        return futures;
    }

    /** {@code trading_config} gives a margin or position mode (sent to a futures account for the expert's symbol). */
    boolean setsModes()
    {
        return marginMode != FuturesSettings.UNCHANGED || positionMode != FuturesSettings.UNCHANGED;
    }

    /** The exchange the expert's account is made on (binance unless exchange.name says okx). */
    VenueKind venue()
    {
        return venue;
    }

    /** {@code trading_config}. */
    void readTradingConfig(final RequestReader in, final String field) throws BadRequest
    {
        if (!in.expectObject(field))
        {
            return;
        }
        while (in.nextField())
        {
            final String key = in.fieldName();
            final String named = field + "." + key;
            switch (key)
            {
                case "market_type": futures = in.choice(named, MARKET_TYPES, "spot or futures") == 1; break;
                case "contract_type":
                    final String contract = in.string(named, 16);
                    if (contract != null && !"linear".equalsIgnoreCase(contract))
                    {
                        in.fail(named, "contract_type must be linear (USDⓈ-M futures; coin-margined inverse contracts are not traded)");
                    }
                    break;
                case "margin_mode": marginMode = mode(in, named, true); break;
                case "position_mode": positionMode = mode(in, named, false); break;
                default: in.unknownField(named);
            }
        }
    }

    private static int mode(final RequestReader in, final String named, final boolean margin) throws BadRequest
    {
        final String text = in.string(named, 16);
        if (text == null)
        {
            return FuturesSettings.UNCHANGED;
        }
        final int code = margin ? FuturesSettings.marginMode(text) : FuturesSettings.positionMode(text);
        if (code < 0)
        {
            in.fail(named, margin ? "margin_mode must be isolated or cross" : "position_mode must be hedge or one_way");
            return FuturesSettings.UNCHANGED;
        }
        return code;
    }

    /** The exchange block's credentials (the market type set from trading_config), or null when the body names an account. */
    ExchangeCredentialFields exchange()
    {
        if (exchange != null)
        {
            exchange.futures(futures);
        }
        return exchange;
    }

    /** CREATE_EXPERT's trailing part: futures asked | margin mode | position mode. */
    void encode(final BodyWriter writer)
    {
        writer.putBoolean(futures).putByte(marginMode).putByte(positionMode);
    }
}
