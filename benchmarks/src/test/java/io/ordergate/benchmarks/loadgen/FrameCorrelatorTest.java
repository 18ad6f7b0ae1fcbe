package io.ordergate.benchmarks.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;

class FrameCorrelatorTest
{
    @Test
    void shouldPairAFrameThatArrivesAfterTheAnswer()
    {
        final FrameCorrelator correlator = new FrameCorrelator(16);

        assertEquals(FrameCorrelator.NONE, correlator.answered(42, 1_000, 1_100));
        assertEquals(1, correlator.parkedAnswers());
        assertEquals(1_000, correlator.frame(42, 1_250), "the frame gets the planned time of its order");
        assertEquals(1_100, correlator.writtenOfLastPair(), "and the time its order was written");
        assertEquals(0, correlator.parkedAnswers());
        assertEquals(0, correlator.parkedFrames());
    }

    @Test
    void shouldPairAFrameThatArrivesBeforeTheAnswer()
    {
        final FrameCorrelator correlator = new FrameCorrelator(16);

        assertEquals(FrameCorrelator.NONE, correlator.frame(7, 5_000));
        assertEquals(1, correlator.parkedFrames());
        assertEquals(5_000, correlator.answered(7, 4_000, 4_300), "the answer gets the arrival time of its frame");
        assertEquals(4_300, correlator.writtenOfLastPair());
        assertEquals(0, correlator.parkedFrames());
    }

    @Test
    void shouldTimeARedeliveredFrameOnlyOnceAndKeepTheFirstArrival()
    {
        final FrameCorrelator correlator = new FrameCorrelator(16);

        assertEquals(FrameCorrelator.NONE, correlator.frame(9, 100));
        assertEquals(FrameCorrelator.NONE, correlator.frame(9, 900));
        assertEquals(100, correlator.answered(9, 50, 60));
        // A repeat after the pair is done parks again (and is reported as unmatched when the phase ends).
        assertEquals(FrameCorrelator.NONE, correlator.frame(9, 1_000));
        assertEquals(1, correlator.parkedFrames());
    }

    @Test
    void shouldStayBoundedAndCountWhatItCouldNotPark()
    {
        final FrameCorrelator correlator = new FrameCorrelator(12);  // 16 slots, at most 12 parked
        for (int id = 1; id <= 20; id++)
        {
            correlator.answered(id, id, id);
        }
        assertEquals(12, correlator.parkedAnswers());
        assertEquals(8, correlator.dropped());
        correlator.clear();
        assertEquals(0, correlator.parkedAnswers());
        assertEquals(FrameCorrelator.NONE, correlator.frame(1, 5));
    }

    @Test
    void shouldFindEveryPairAfterManyInterleavedInsertionsAndRemovals()
    {
        final FrameCorrelator correlator = new FrameCorrelator(64);
        final Random random = new Random(4);
        long nextId = 1_000_000;
        final long[] open = new long[40];
        final boolean[] frameFirst = new boolean[40];
        for (int i = 0; i < open.length; i++)
        {
            open[i] = nextId++;
            frameFirst[i] = random.nextBoolean();
            park(correlator, open[i], frameFirst[i]);
        }
        for (int round = 0; round < 100_000; round++)
        {
            final int i = random.nextInt(open.length);
            final long id = open[i];
            final long got = frameFirst[i] ? correlator.answered(id, id * 2, id * 5) : correlator.frame(id, id * 3);
            assertEquals(frameFirst[i] ? id * 3 : id * 2, got, "pair of order " + id);
            // The write time travels with the answer through the table's shifts on removal.
            assertEquals(id * 5, correlator.writtenOfLastPair(), "write time of order " + id);
            open[i] = nextId++;
            frameFirst[i] = random.nextBoolean();
            park(correlator, open[i], frameFirst[i]);
        }
        assertEquals(open.length, correlator.parkedAnswers() + correlator.parkedFrames());
        assertEquals(0, correlator.dropped());
    }

    private static void park(final FrameCorrelator correlator, final long id, final boolean frameFirst)
    {
        assertEquals(FrameCorrelator.NONE, frameFirst ? correlator.frame(id, id * 3) : correlator.answered(id, id * 2, id * 5));
    }
}
