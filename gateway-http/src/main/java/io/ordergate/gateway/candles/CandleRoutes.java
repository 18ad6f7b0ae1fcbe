package io.ordergate.gateway.candles;

import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.gateway.core.Accesses;
import io.ordergate.gateway.core.Answers;
import io.ordergate.gateway.core.Exchange;
import io.ordergate.gateway.core.Feature;
import io.ordergate.gateway.core.Route;
import io.ordergate.gateway.core.RouteTable;
import io.ordergate.gateway.core.Scope;
import io.ordergate.gateway.json.BadRequest;
import io.ordergate.gateway.quotes.QuoteRoutes;

/**
 * OHLCV candles, which the engine builds from every quote ({@code io.ordergate.engine.candle}): a read through the
 * ring, so it sees every quote published before it. Market data: any key or user may read it.
 *
 * <p>Seed 001's {@code GET /api/v1/experts/{expert_id}/market/{symbol}/data} is the same candles in seed 001's shape
 * ({@code CandleBodies.SHAPE_SEED_001}: {@code "data"}, {@code "timestamp"}, {@code ?limit=}); its row belongs with
 * the experts (issue 13), whose access resolves the expert: {@code ExpertRoutes.market} asks the expert's view
 * ({@code ExpertViews}), which answers from the same candles, defaulting to the expert's own timeframe. Thread safe.
 */
public final class CandleRoutes implements Feature
{
    private final Accesses access;

    public CandleRoutes(final Accesses access)
    {
        this.access = access;
    }

    @Override
    public void routes(final RouteTable.Builder table)
    {
        table.add(Route.get("/api/v1/candles/{symbol}", access.scope(Scope.READ), this::candles));
    }

    private void candles(final Exchange exchange) throws BadRequest
    {
        final String symbol = exchange.path().clientId("symbol", QuoteRoutes.MAX_SYMBOL, ResultCode.NOT_FOUND, "unknown symbol");
        exchange.publish(CommandType.GET_CANDLES, CandleRequest.read(symbol, exchange.query(), "count", 0), Answers.ENGINE_JSON);
    }
}
