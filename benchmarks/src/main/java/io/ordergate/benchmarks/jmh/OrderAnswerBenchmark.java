package io.ordergate.benchmarks.jmh;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import io.ordergate.engine.command.OrderStatus;
import io.ordergate.engine.command.OrderType;
import io.ordergate.engine.command.OrderView;
import io.ordergate.engine.command.Side;
import io.ordergate.engine.command.TimeInForce;
import io.ordergate.engine.view.JsonWriter;
import io.ordergate.engine.view.OrderJson;

/**
 * The body of a filled market order's 201 answer, written by {@link OrderJson} through a {@link JsonWriter} into an
 * {@link ExpandableArrayBuffer}: what the reply stage does per order before the HTTP head is put in front of it
 * (the largest single piece of og-pipeline's CPU per order in a JFR profile at 5,000 orders/s; docs/PERFORMANCE.md).
 *
 * <p>Set-up writes the order once into each of the three buffer kinds the gateway gives its writers (expandable
 * arrays, unsafe buffers over arrays and over direct memory), so the writer's calls into the buffer are compiled as
 * they are in the gateway, where several kinds pass through the same code, and checks the text against the order.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class OrderAnswerBenchmark extends ForkedWithChronicleFlags
{
    static final String EXPECTED = "{\"order_id\":\"1000042\",\"client_order_id\":\"my-42\",\"account_id\":\"paper-1\","
        + "\"symbol\":\"EURUSD\",\"side\":\"buy\",\"type\":\"market\",\"quantity\":0.01,\"price\":null,"
        + "\"stop_loss\":1.08,\"take_profit\":1.09,\"trailing_stop\":null,\"time_in_force\":\"gtc\",\"status\":\"filled\","
        + "\"filled_quantity\":0.01,\"average_price\":1.08512,\"venue_order_id\":\"paper-77\",\"reject_code\":null,"
        + "\"position_id\":\"2000042\",\"created_at\":\"2026-12-02T16:30:00.123Z\",\"updated_at\":\"2026-12-02T16:30:00.124Z\"}";

    private final OrderView order = new OrderView();
    private final JsonWriter json = new JsonWriter();
    private final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(1024);

    @Setup(Level.Trial)
    public void setUp()
    {
        order.clear();
        order.orderId = 1_000_042L;
        final byte[] clientOrderId = "my-42".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(clientOrderId, 0, order.clientOrderId, 0, clientOrderId.length);
        order.clientOrderIdLength = clientOrderId.length;
        order.accountId = "paper-1";
        order.symbol = "EURUSD";
        order.side = Side.BUY;
        order.type = OrderType.MARKET;
        order.timeInForce = TimeInForce.GTC;
        order.status = OrderStatus.FILLED;
        order.priceDigits = 5;
        order.quantityDigits = 2;
        order.quantity = 1;
        order.stopLoss = 108_000L;
        order.takeProfit = 109_000L;
        order.filledQuantity = 1;
        order.averagePrice = 108_512L;
        order.venuePrefix = "paper-";
        order.venueOrderId = 77;
        order.positionId = 2_000_042L;
        order.createdAtMicros = 1_796_229_000_123_000L;
        order.updatedAtMicros = 1_796_229_000_124_000L;

        check(new UnsafeBuffer(new byte[1024]));
        check(new UnsafeBuffer(java.nio.ByteBuffer.allocateDirect(1024)));
        check(buffer);
    }

    private void check(final org.agrona.MutableDirectBuffer target)
    {
        for (int i = 0; i < 20_000; i++)
        {
            OrderJson.write(order, json.wrap(target, 0));
        }
        final String text = target.getStringWithoutLengthUtf8(0, json.length());
        if (!EXPECTED.equals(text))
        {
            throw new IllegalStateException("the order renders as " + text);
        }
    }

    @Benchmark
    public int writeFilledOrder()
    {
        OrderJson.write(order, json.wrap(buffer, 0));
        return json.length();
    }
}
