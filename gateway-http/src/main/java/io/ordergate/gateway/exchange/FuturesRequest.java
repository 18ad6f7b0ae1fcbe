package io.ordergate.gateway.exchange;

import io.ordergate.engine.venue.FuturesSettings;
import io.ordergate.gateway.json.BadRequest;
import io.ordergate.gateway.json.RequestReader;

/**
 * The body of {@code PUT /api/v1/accounts/{id}/futures-settings}: {@code symbol} and at least one of {@code leverage}
 * (1 to 125), {@code margin_mode} ({@code isolated} or {@code cross}, seed 001's names) and {@code position_mode}
 * ({@code one_way} or {@code hedge}). Codes are {@link FuturesSettings}'. Immutable.
 */
record FuturesRequest(String symbol, int leverage, int marginMode, int positionMode)
{
    private static final String[] MARGIN_MODES = {"isolated", "cross", "crossed"};
    private static final int[] MARGIN_CODES = {FuturesSettings.MARGIN_ISOLATED, FuturesSettings.MARGIN_CROSS, FuturesSettings.MARGIN_CROSS};
    private static final String[] POSITION_MODES = {"one_way", "hedge"};
    private static final int[] POSITION_CODES = {FuturesSettings.POSITION_ONE_WAY, FuturesSettings.POSITION_HEDGE};

    static FuturesRequest read(final RequestReader in, final byte[] body, final int length) throws BadRequest
    {
        in.begin(body, length, false);
        String symbol = null;
        int leverage = FuturesSettings.UNCHANGED;
        int margin = FuturesSettings.UNCHANGED;
        int position = FuturesSettings.UNCHANGED;
        while (in.nextField())
        {
            final String name = in.fieldName();
            switch (name)
            {
                case "symbol": symbol = in.string(name, 16); break;
                case "leverage":
                    final long l = in.wholeNumber(name);
                    if (l != RequestReader.NULL && l != RequestReader.BAD && (l < 1 || l > FuturesSettings.MAX_LEVERAGE))
                    {
                        in.fail(name, "leverage must be a whole number from 1 to " + FuturesSettings.MAX_LEVERAGE);
                    }
                    leverage = l >= 1 && l <= FuturesSettings.MAX_LEVERAGE ? (int)l : leverage;
                    break;
                case "margin_mode":
                    final int m = in.choice(name, MARGIN_MODES, "isolated, cross");
                    margin = m >= 0 ? MARGIN_CODES[m] : margin;
                    break;
                case "position_mode":
                    final int p = in.choice(name, POSITION_MODES, "one_way, hedge");
                    position = p >= 0 ? POSITION_CODES[p] : position;
                    break;
                default: in.unknownField(name);
            }
        }
        if (symbol == null || symbol.isBlank())
        {
            in.fail("symbol", "symbol is required");
        }
        if (leverage == FuturesSettings.UNCHANGED && margin == FuturesSettings.UNCHANGED && position == FuturesSettings.UNCHANGED)
        {
            in.fail("leverage", "give at least one of leverage, margin_mode, position_mode");
        }
        in.finish();
        return new FuturesRequest(symbol, leverage, margin, position);
    }
}
