package io.ordergate.gateway.exchange;

import io.ordergate.engine.venue.FuturesSettings;
import io.ordergate.exchange.spi.FuturesSettings.MarginType;
import io.ordergate.exchange.spi.FuturesSettings.PositionMode;
import io.ordergate.exchange.venue.ExchangeOutbox;

/** The engine's futures setting codes ({@link FuturesSettings}) and the connector's settings, both ways. Stateless. */
final class FuturesCodes
{
    private FuturesCodes()
    {
    }

    /** An outbox SETTINGS record as the connector sends it (null for each part left unchanged). */
    static io.ordergate.exchange.spi.FuturesSettings settings(final String symbol, final ExchangeOutbox.SettingsRecord record)
    {
        return new io.ordergate.exchange.spi.FuturesSettings(symbol,
            record.leverage() == FuturesSettings.UNCHANGED ? null : record.leverage(),
            record.marginMode() == FuturesSettings.MARGIN_ISOLATED ? MarginType.ISOLATED
                : record.marginMode() == FuturesSettings.MARGIN_CROSS ? MarginType.CROSSED : null,
            record.positionMode() == FuturesSettings.POSITION_HEDGE ? PositionMode.HEDGE
                : record.positionMode() == FuturesSettings.POSITION_ONE_WAY ? PositionMode.ONE_WAY : null);
    }

    static int leverage(final io.ordergate.exchange.spi.FuturesSettings settings)
    {
        return settings.leverage() == null ? FuturesSettings.UNCHANGED : settings.leverage();
    }

    static int marginMode(final io.ordergate.exchange.spi.FuturesSettings settings)
    {
        if (settings.marginType() == null)
        {
            return FuturesSettings.UNCHANGED;
        }
        return settings.marginType() == MarginType.ISOLATED ? FuturesSettings.MARGIN_ISOLATED : FuturesSettings.MARGIN_CROSS;
    }

    static int positionMode(final io.ordergate.exchange.spi.FuturesSettings settings)
    {
        if (settings.positionMode() == null)
        {
            return FuturesSettings.UNCHANGED;
        }
        return settings.positionMode() == PositionMode.HEDGE ? FuturesSettings.POSITION_HEDGE : FuturesSettings.POSITION_ONE_WAY;
    }
}
