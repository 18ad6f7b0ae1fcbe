package io.ordergate.gateway.quotes;

import org.agrona.ExpandableArrayBuffer;

import io.ordergate.config.GatewayConfig;
import io.ordergate.config.InstrumentSpec;
import io.ordergate.engine.command.CommandBodies;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.view.JsonWriter;
import io.ordergate.gateway.core.Accesses;
import io.ordergate.gateway.core.Answer;
import io.ordergate.gateway.core.Answers;
import io.ordergate.gateway.core.BodyKind;
import io.ordergate.gateway.core.ErrorFormat;
import io.ordergate.gateway.core.Exchange;
import io.ordergate.gateway.core.Feature;
import io.ordergate.gateway.core.Route;
import io.ordergate.gateway.core.RouteTable;
import io.ordergate.gateway.core.Scope;
import io.ordergate.gateway.json.BadRequest;

/**
 * Market data: the configured instruments (answered from the configuration, no command), quotes pushed by an admin
 * (202 with how many were accepted) and the last quote of a symbol. Thread safe.
 */
public final class QuoteRoutes implements Feature
{
    public static final int MAX_SYMBOL = 16;

    /** 202 {"accepted": N}, N read back from the QUOTES body's count. */
    private static final Answer ACCEPTED = (event, json) ->
    {
        final int failed = Answers.failure(event, json, ErrorFormat.API);
        if (failed != 0)
        {
            return failed;
        }
        json.startObject().name("accepted").number(event.frame.getInt(CommandFrame.BODY_OFFSET)).endObject();
        return 202;
    };

    private final Accesses access;
    private final byte[] instrumentsJson;

    public QuoteRoutes(final GatewayConfig config, final Accesses access)
    {
        this.access = access;
        this.instrumentsJson = instrumentsJson(config);
    }

    @Override
    public void routes(final RouteTable.Builder table)
    {
        table.add(Route.get("/api/v1/instruments", access.scope(Scope.READ), exchange -> exchange.send(200, instrumentsJson)))
            .add(Route.post("/api/v1/quotes", access.scope(Scope.ADMIN), BodyKind.JSON, this::push))
            .add(Route.get("/api/v1/quotes/{symbol}", access.scope(Scope.READ), this::last));
    }

    private void push(final Exchange exchange) throws BadRequest
    {
        exchange.publish(CommandType.QUOTES, QuotesRequest.decode(exchange.json(), exchange.body(), exchange.bodyLength()), ACCEPTED);
    }

    private void last(final Exchange exchange) throws BadRequest
    {
        final String symbol = exchange.path().clientId("symbol", MAX_SYMBOL, ResultCode.NOT_FOUND, "unknown symbol");
        exchange.publish(CommandType.GET_QUOTE, writer -> CommandBodies.symbol(writer, symbol), Answers.ENGINE_JSON);
    }

    /** The answer of GET /api/v1/instruments: made once from the immutable configuration. */
    private static byte[] instrumentsJson(final GatewayConfig config)
    {
        final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(1024);
        final JsonWriter json = new JsonWriter().wrap(buffer, 0);
        json.startObject().name("instruments").startArray();
        for (final InstrumentSpec spec : config.instruments())
        {
            json.startObject()
                .name("symbol").string(spec.symbol())
                .name("digits").number(spec.priceDigits())
                .name("pip_size").decimal(spec.pipSize(), spec.priceDigits())
                .name("contract_size").number(spec.contractSize())
                .name("lot_step").decimal(spec.lotStep(), spec.quantityDigits())
                .name("min_quantity").decimal(spec.minQuantity(), spec.quantityDigits())
                .name("max_quantity").decimal(spec.maxQuantity(), spec.quantityDigits())
                .name("base_currency").string(spec.baseCurrency())
                .name("quote_currency").string(spec.quoteCurrency())
                .endObject();
        }
        json.endArray().endObject();
        final byte[] bytes = new byte[json.length()];
        buffer.getBytes(0, bytes);
        return bytes;
    }
}
