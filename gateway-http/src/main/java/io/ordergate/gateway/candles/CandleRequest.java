package io.ordergate.gateway.candles;

import io.ordergate.engine.candle.Timeframe;
import io.ordergate.engine.command.BodyWriter;
import io.ordergate.engine.command.CandleBodies;
import io.ordergate.gateway.core.QueryParameters;
import io.ordergate.gateway.json.BadRequest;
import io.ordergate.gateway.json.RequestBody;

/**
 * A candle read from a path's symbol and a query string: {@code timeframe} (API.md's {@code 1m ... 1d} or seed 002's
 * {@code M1 ... D1}, any letter case but {@code 1M}, months in trading; default {@code 1h}) and the number of candles
 * under the name the route uses ({@code count}, or seed 001's {@code limit}; 1 to 1000, default 100). Anything else, or
 * a name given twice, is refused. Immutable once read.
 */
final class CandleRequest implements RequestBody
{
    static final int DEFAULT_COUNT = 100;
    static final String DEFAULT_TIMEFRAME = "1h";

    private final String symbol;
    private final Timeframe timeframe;
    private final int flags;
    private final int count;

    private CandleRequest(final String symbol, final Timeframe timeframe, final int flags, final int count)
    {
        this.symbol = symbol;
        this.timeframe = timeframe;
        this.flags = flags;
        this.count = count;
    }

    /**
     * @param countName the query parameter that carries the number of candles ({@code count} or {@code limit})
     * @param shapeFlags {@link CandleBodies#SHAPE_SEED_001} for seed 001's answer, else 0
     */
    static CandleRequest read(final String symbol, final QueryParameters query, final String countName, final int shapeFlags) throws BadRequest
    {
        String timeframeName = DEFAULT_TIMEFRAME;
        int count = DEFAULT_COUNT;
        for (int i = 0; i < query.size(); i++)
        {
            final String name = query.name(i);
            if (query.count(name) != 1)
            {
                throw BadRequest.validation(name, name + " may be given once");
            }
            if (name.equals("timeframe"))
            {
                timeframeName = query.value(i);
            }
            else if (name.equals(countName))
            {
                count = count(countName, query.value(i));
            }
            else
            {
                throw BadRequest.validation(name.length() > 64 ? null : name, "unknown query parameter");
            }
        }
        final Timeframe timeframe = timeframe(timeframeName);
        final boolean seedName = !timeframeName.isEmpty() && Character.isLetter(timeframeName.charAt(0));
        return new CandleRequest(symbol, timeframe, shapeFlags | (seedName ? CandleBodies.SEED_NAMES : 0), count);
    }

    private static Timeframe timeframe(final String name) throws BadRequest
    {
        final Timeframe timeframe = Timeframe.fromClientName(name);
        if (timeframe == null)
        {
            throw BadRequest.validation("timeframe", "timeframe must be one of " + Timeframe.CLIENT_NAMES);
        }
        return timeframe;
    }

    private static int count(final String name, final String value) throws BadRequest
    {
        if (!value.isEmpty() && value.length() <= 4 && value.chars().allMatch(c -> c >= '0' && c <= '9'))
        {
            final int count = Integer.parseInt(value);
            if (count >= 1 && count <= CandleBodies.MAX_COUNT)
            {
                return count;
            }
        }
        throw BadRequest.validation(name, name + " must be a whole number from 1 to " + CandleBodies.MAX_COUNT);
    }

    @Override
    public void encode(final BodyWriter writer)
    {
        CandleBodies.getCandles(writer, symbol, timeframe.ordinal(), flags, count);
    }
}
