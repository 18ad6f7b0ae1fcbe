package io.ordergate.gateway.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.netty.channel.DefaultEventLoop;

/**
 * The quote turns of one event loop, on a real Netty event loop: a pass of sockets is written in turns, the loop's
 * other work (an order's read, here a task) runs between two turns instead of after the whole pass, a socket offered
 * again while it waits is written once, and with {@code quote_turn_micros} 0 (or more sockets than the queue holds)
 * each is drained at once, as before pacing.
 */
class PacedDrainsTest
{
    private static final long DRAIN_NANOS = 50_000;

    private final DefaultEventLoop loop = new DefaultEventLoop();
    /** What ran on the loop, in order: "t<n>" for a target's drain, "order" for the other work. */
    private final List<String> ran = new CopyOnWriteArrayList<>();
    private final AtomicInteger pauses = new AtomicInteger();

    @AfterEach
    void stop()
    {
        loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Test
    void aPassIsWrittenInTurnsAndTheLoopsOtherWorkRunsBetweenThem() throws Exception
    {
        // Each drain takes 50 us and a turn 1 us: one socket per turn, then a 1 ms pause.
        final PacedDrains paced = new PacedDrains(loop, 64, 1, 1000, pauses::incrementAndGet);
        final List<Target> pass = targets(20);
        pass.get(0).onDrain = () -> loop.execute(() -> ran.add("order"));  // arrives while the first turn runs
        final CountDownGate gate = new CountDownGate();
        loop.execute(gate::hold);  // the whole pass is offered before the first turn
        for (final Target target : pass)
        {
            paced.offer(target);
        }
        gate.open();
        await("every socket written", () -> ran.size() == 21);
        assertEquals("t0", ran.get(0));
        assertEquals("order", ran.get(1), "the order waits for one turn, not the whole pass: " + ran);
        for (int i = 0; i < 20; i++)
        {
            assertEquals(1, pass.get(i).drains.get(), "t" + i + " written once");
            assertTrue(!pass.get(i).pacing.get(), "t" + i + " no longer waiting");
        }
        assertEquals(19, pauses.get(), "a pause after every turn but the last");
        assertEquals(0, paced.waiting());
    }

    @Test
    void aSocketOfferedAgainWhileItWaitsIsWrittenOnce() throws Exception
    {
        final PacedDrains paced = new PacedDrains(loop, 64, 1, 1000, pauses::incrementAndGet);
        final List<Target> pass = targets(5);
        final CountDownGate gate = new CountDownGate();
        loop.execute(gate::hold);  // the loop is busy until the second pass is offered
        for (int round = 0; round < 2; round++)
        {
            for (final Target target : pass)
            {
                paced.offer(target);
            }
        }
        assertEquals(5, paced.waiting(), "each socket waits once: its outbox holds the newest quote");
        gate.open();
        await("every socket written", () -> ran.size() == 5);
        for (final Target target : pass)
        {
            assertEquals(1, target.drains.get());
        }
        // Offered after its turn, a socket waits (and is written) again.
        paced.offer(pass.get(2));
        await("written again", () -> pass.get(2).drains.get() == 2);
    }

    @Test
    void aTurnOfZeroDrainsEverySocketAtOnceAndAFullQueueFallsBackToThat()
    {
        final PacedDrains unpaced = new PacedDrains(loop, 64, 0, 1000, pauses::incrementAndGet);
        final List<Target> pass = targets(3);
        for (final Target target : pass)
        {
            unpaced.offer(target);
            assertEquals(1, target.soon.get());
        }
        assertEquals(0, unpaced.waiting());

        final PacedDrains small = new PacedDrains(loop, 2, 200, 1000, pauses::incrementAndGet);
        final CountDownGate gate = new CountDownGate();
        loop.execute(gate::hold);
        final List<Target> many = targets(3);
        for (final Target target : many)
        {
            small.offer(target);
        }
        gate.open();
        assertEquals(0, many.get(0).soon.get());
        assertEquals(0, many.get(1).soon.get());
        assertEquals(1, many.get(2).soon.get(), "past the queue's capacity: drained at once");
        assertTrue(!many.get(2).pacing.get());
    }

    private List<Target> targets(final int count)
    {
        final List<Target> targets = new ArrayList<>();
        for (int i = 0; i < count; i++)
        {
            targets.add(new Target("t" + i));
        }
        return targets;
    }

    private static void await(final String what, final BooleanSupplier condition) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean())
        {
            assertTrue(System.nanoTime() < deadline, "timed out waiting for: " + what);
            Thread.sleep(5);
        }
    }

    /** A socket that records its drains; a drain takes {@link #DRAIN_NANOS} of the loop. */
    private final class Target implements PacedDrains.Target
    {
        final String name;
        final AtomicBoolean pacing = new AtomicBoolean();
        final AtomicInteger drains = new AtomicInteger();
        final AtomicInteger soon = new AtomicInteger();
        Runnable onDrain = () -> { };

        Target(final String name)
        {
            this.name = name;
        }

        @Override
        public AtomicBoolean pacing()
        {
            return pacing;
        }

        @Override
        public void drainNow()
        {
            assertTrue(loop.inEventLoop());
            final long end = System.nanoTime() + DRAIN_NANOS;
            while (System.nanoTime() < end)
            {
                Thread.onSpinWait();  // stands for a socket's write and flush
            }
            drains.incrementAndGet();
            ran.add(name);
            onDrain.run();
        }

        @Override
        public void drainSoon()
        {
            soon.incrementAndGet();
        }
    }

    /** Holds the loop busy until opened, so offers pile up before any turn runs. */
    private static final class CountDownGate
    {
        private final java.util.concurrent.CountDownLatch latch = new java.util.concurrent.CountDownLatch(1);

        void hold()
        {
            try
            {
                latch.await(10, TimeUnit.SECONDS);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
        }

        void open()
        {
            latch.countDown();
        }
    }
}
