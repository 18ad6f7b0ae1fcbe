package io.ordergate.engine.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ordergate.config.ConfigLoader;
import io.ordergate.engine.Engine;
import io.ordergate.journal.Journal;

/**
 * A checksummed record shorter than a command's type (only a bug elsewhere could write one) is skipped by the replay,
 * as a record of no known type is, not read past its end: the start goes on.
 */
class ReplayerShortRecordTest
{
    @TempDir
    Path directory;

    @Test
    void shouldSkipARecordTooShortToHoldACommandType()
    {
        try (Journal journal = Journal.open(directory))
        {
            journal.appender().append(new UnsafeBuffer(new byte[] {1, 0}), 0, 2);
        }
        try (Journal journal = Journal.open(directory))
        {
            final Replayer.Result result = Replayer.replay(journal, new Engine(ConfigLoader.demo()), (event, sequence, endOfBatch) -> { });

            assertEquals(1, result.records());
            assertEquals(1, result.skipped());
            assertEquals(0, result.failed());
        }
    }
}
