package io.ordergate.benchmarks.jmh;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import io.ordergate.engine.command.BodyReader;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.NewOrderBody;
import io.ordergate.engine.command.OrderType;
import io.ordergate.engine.command.Side;

/**
 * The JSON body of {@code POST /api/v1/orders} (the full example of API.md) decoded with jackson-core's streaming
 * parser into a NEW_ORDER command frame, as the Netty event loop does before it publishes to the ring.
 *
 * <pre>
 *   byte[] JSON ──jackson-core tokens──► fields (exact decimals, ASCII ids) ──BodyWriter──► CommandEvent.frame
 * </pre>
 *
 * Measures {@link LocalOrderDecoder}, a copy of the decode loop kept here until gateway-http's decoder exists.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {
    BenchmarkJvm.EXPORT_REF, BenchmarkJvm.EXPORT_NIO, BenchmarkJvm.EXPORT_MISC, BenchmarkJvm.EXPORT_JAVAC_FILE,
    BenchmarkJvm.OPEN_LANG, BenchmarkJvm.OPEN_REFLECT, BenchmarkJvm.OPEN_IO, BenchmarkJvm.OPEN_UTIL,
    BenchmarkJvm.OPEN_NIO, BenchmarkJvm.OPEN_NIO_CH, BenchmarkJvm.OPEN_JAVAC,
    BenchmarkJvm.NO_ANALYTICS, BenchmarkJvm.NO_ANNOUNCER, BenchmarkJvm.HEAP, BenchmarkJvm.HEAP_MIN})
public class OrderDecodeBenchmark
{
    static final byte[] ORDER_JSON = ("{\"account_id\": \"paper-1\", \"symbol\": \"EURUSD\", \"side\": \"buy\", " +
        "\"type\": \"market\", \"quantity\": 0.10, \"price\": null, \"stop_loss\": 1.0800, \"take_profit\": 1.0900, " +
        "\"time_in_force\": \"gtc\", \"client_order_id\": \"my-42\"}").getBytes(StandardCharsets.UTF_8);

    private final LocalOrderDecoder decoder = new LocalOrderDecoder();
    private final CommandEvent event = new CommandEvent();
    private long correlationId;

    @Setup(Level.Trial)
    public void setUp()
    {
        if (decoder.decode(ORDER_JSON, 0, ORDER_JSON.length, event, 0, OrderCommands.WALL_MICROS, 1) != LocalOrderDecoder.DECODED)
        {
            throw new IllegalStateException("the sample order does not decode");
        }
        final NewOrderBody body = new NewOrderBody().decode(new BodyReader().wrap(event.frame, CommandFrame.BODY_OFFSET));
        if (body.side != Side.BUY || body.type != OrderType.MARKET || body.quantity != 10_000_000L
            || body.stopLoss != 108_000_000L || !"my-42".equals(body.clientOrderId.toString())
            || !"paper-1".equals(body.accountId.toString()) || body.has(NewOrderBody.HAS_PRICE))
        {
            throw new IllegalStateException("the sample order decodes to the wrong frame");
        }
    }

    @Benchmark
    public int decodeNewOrder()
    {
        return decoder.decode(ORDER_JSON, 0, ORDER_JSON.length, event, 0, OrderCommands.WALL_MICROS, ++correlationId);
    }
}
