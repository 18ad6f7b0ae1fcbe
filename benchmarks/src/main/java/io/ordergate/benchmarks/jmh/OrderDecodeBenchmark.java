package io.ordergate.benchmarks.jmh;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import io.ordergate.engine.command.BodyReader;
import io.ordergate.engine.command.BodyWriter;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.NewOrderBody;
import io.ordergate.engine.command.OrderType;
import io.ordergate.engine.command.Side;
import io.ordergate.gateway.json.BadRequest;
import io.ordergate.gateway.orders.OrderRequest;
import io.ordergate.gateway.json.RequestReader;

/**
 * The JSON body of {@code POST /api/v1/orders} (the full example of API.md) decoded by the gateway's own
 * {@link OrderRequest} on jackson-core's streaming parser, then encoded into a NEW_ORDER command frame: what a Netty
 * event loop does per order before it publishes to the ring (minus HTTP parsing and authentication).
 *
 * <pre>
 *   byte[] JSON ──RequestReader (jackson-core tokens)──► OrderRequest (exact decimals, ASCII ids, checks)
 *               ──encode (BodyWriter)──► CommandEvent.frame, as the journal will store it
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class OrderDecodeBenchmark extends ForkedWithChronicleFlags
{
    static final byte[] ORDER_JSON = ("{\"account_id\": \"paper-1\", \"symbol\": \"EURUSD\", \"side\": \"buy\", " +
        "\"type\": \"market\", \"quantity\": 0.10, \"price\": null, \"stop_loss\": 1.0800, \"take_profit\": 1.0900, " +
        "\"time_in_force\": \"gtc\", \"client_order_id\": \"my-42\"}").getBytes(StandardCharsets.UTF_8);

    private final RequestReader reader = new RequestReader();
    private final OrderRequest order = new OrderRequest(java.util.Map.of());
    private final BodyWriter writer = new BodyWriter();
    private final CommandEvent event = new CommandEvent();
    private long correlationId;

    @Setup(Level.Trial)
    public void setUp() throws BadRequest
    {
        decodeNewOrder();
        final NewOrderBody body = new NewOrderBody().decode(new BodyReader().wrap(event.frame, CommandFrame.BODY_OFFSET));
        if (body.side != Side.BUY || body.type != OrderType.MARKET || body.quantity != 10_000_000L
            || body.stopLoss != 108_000_000L || body.takeProfit != 109_000_000L || body.has(NewOrderBody.HAS_PRICE)
            || !"my-42".equals(body.clientOrderId.toString()) || !"paper-1".equals(body.accountId.toString()))
        {
            throw new IllegalStateException("the sample order decodes to the wrong frame");
        }
    }

    @Benchmark
    public int decodeNewOrder() throws BadRequest
    {
        order.decode(reader, ORDER_JSON, ORDER_JSON.length);
        event.reset(CommandType.NEW_ORDER);
        event.header(0, OrderCommands.WALL_MICROS, ++correlationId, CommandFrame.SOURCE_HTTP);
        order.encode(writer.wrap(event.frame, CommandFrame.BODY_OFFSET));
        event.bodyLength(writer.length());
        return event.frameLength();
    }
}
