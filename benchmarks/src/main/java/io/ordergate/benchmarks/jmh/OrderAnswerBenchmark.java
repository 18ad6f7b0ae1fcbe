package io.ordergate.benchmarks.jmh;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

import org.agrona.ExpandableArrayBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import io.ordergate.engine.Engine;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.OrderView;
import io.ordergate.engine.command.Side;
import io.ordergate.engine.view.JsonWriter;
import io.ordergate.engine.view.OrderJson;

/**
 * The body of a filled market order's 201 answer, written by {@link OrderJson} through a {@link JsonWriter} into an
 * {@link ExpandableArrayBuffer}: what the reply stage does per order before the HTTP head is put in front of it
 * (the largest single piece of og-pipeline's CPU per order in a JFR profile at 5,000 orders/s; docs/PERFORMANCE.md).
 * The order is the engine's own: set-up applies a market order with a stop loss and a take profit to the paper venue
 * and renders the {@link OrderView} it filled.
 *
 * <p>Set-up also writes the order many times into each of the three buffer kinds the gateway gives its writers
 * (expandable arrays, unsafe buffers over arrays and over direct memory), so the writer's calls into the buffer are
 * compiled as in the gateway, where several kinds pass through the same code, and checks the three texts agree.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class OrderAnswerBenchmark extends ForkedWithChronicleFlags
{
    private final CommandEvent event = new CommandEvent();
    private final JsonWriter json = new JsonWriter();
    private final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(1024);
    private OrderView order;

    @Setup(Level.Trial)
    public void setUp()
    {
        final Engine engine = OrderCommands.engineWithAccountAndQuote(OrderCommands.config(null, null));
        OrderCommands.protectedMarketOrder(event, Side.BUY, 107_000_000L, 110_000_000L, 10);
        engine.apply(event);
        OrderCommands.expectFilled(event, "the order to render");
        order = event.order;

        final String text = render(buffer);
        if (!text.contains("\"status\":\"filled\"") || !text.contains("\"stop_loss\":1.07,\"take_profit\":1.1,")
            || !text.equals(render(new UnsafeBuffer(new byte[1024]))) || !text.equals(render(new UnsafeBuffer(ByteBuffer.allocateDirect(1024)))))
        {
            throw new IllegalStateException("the order renders as " + text);
        }
    }

    private String render(final MutableDirectBuffer target)
    {
        for (int i = 0; i < 20_000; i++)
        {
            OrderJson.write(order, json.wrap(target, 0));
        }
        return target.getStringWithoutLengthUtf8(0, json.length());
    }

    @Benchmark
    public int writeFilledOrder()
    {
        OrderJson.write(order, json.wrap(buffer, 0));
        return json.length();
    }
}
