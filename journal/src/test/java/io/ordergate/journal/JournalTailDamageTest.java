package io.ordergate.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damage at the end of a journal, each way a disk or a crash leaves it: found at open, moved aside, cut off; then the
 * journal goes on, and what is appended after the damage survives two more restarts.
 *
 * <pre>
 *   write 0..299 ─► damage record 299 ─► open: warn, aside, replay 0..298 ─► append 299..308
 *                                     ─► open: intact, replay 0..308 ─► append 309..318 ─► open: replay 0..318
 * </pre>
 */
class JournalTailDamageTest
{
    static final int RECORDS = 300;

    @TempDir
    Path root;

    @ParameterizedTest
    @EnumSource(Damage.class)
    void shouldMoveADamagedTailAsideAndKeepEverythingAppendedAfterItAcrossTwoRestarts(final Damage damage) throws Exception
    {
        Path directory = root.resolve("journal");
        SequencedJournal.write(directory, 0, RECORDS);
        Path file = DamagedFiles.lastCycleFile(directory);
        List<Long> positions = DamagedFiles.recordPositions(file);
        damage.apply(file, positions.get(RECORDS - 1));
        String damagedDigest = DamagedFiles.digest(file);

        try (Journal journal = Journal.open(directory))
        {
            JournalRepair.Report recovery = journal.recovery();
            assertNotNull(recovery, "the damage was found");
            String summary = recovery.summary();
            assertTrue(summary.contains(file.getFileName() + " at byte " + positions.get(RECORDS - 1)), summary);
            assertTrue(summary.contains(recovery.asideDirectory().toString()), summary);
            assertTrue(recovery.asideDirectory().startsWith(directory), recovery.asideDirectory().toString());
            assertEquals(damagedDigest, DamagedFiles.digest(recovery.asideDirectory().resolve(file.getFileName())),
                "the damaged file is kept aside as it was");
            assertTrue(Files.readString(recovery.asideDirectory().resolve(JournalRepair.REPORT_FILE_NAME)).contains(summary));
            assertEquals(RECORDS - 1, SequencedJournal.replayInOrder(journal));
            SequencedJournal.append(journal, RECORDS - 1, 10);
        }
        try (Journal journal = Journal.open(directory))
        {
            assertNull(journal.recovery(), "nothing damaged the second time");
            assertEquals(RECORDS + 9, SequencedJournal.replayInOrder(journal));
            SequencedJournal.append(journal, RECORDS + 9, 10);
        }
        try (Journal journal = Journal.open(directory))
        {
            assertNull(journal.recovery());
            assertEquals(RECORDS + 19, SequencedJournal.replayInOrder(journal), "appended after the damage, replayed twice");
            assertEquals(RECORDS + 19, Journal.inspect(directory).records());
        }
    }

    @Test
    void shouldGoOnWhenTheOnlyRecordOfTheDayIsDamaged() throws Exception
    {
        Path directory = root.resolve("journal");
        SequencedJournal.write(directory, 0, 1);
        Path file = DamagedFiles.lastCycleFile(directory);
        Damage.ZEROED_HEADER.apply(file, DamagedFiles.recordPositions(file).get(0));
        try (Journal journal = Journal.open(directory))
        {
            assertNotNull(journal.recovery());
            assertEquals(0, SequencedJournal.replayInOrder(journal));
            assertEquals(-1, journal.lastIndex());
            SequencedJournal.append(journal, 0, 3);
        }
        try (Journal journal = Journal.open(directory))
        {
            assertNull(journal.recovery());
            assertEquals(3, SequencedJournal.replayInOrder(journal));
        }
    }

    /** Ways to damage the record whose document header is at a position. */
    enum Damage
    {
        ZEROED_HEADER
        {
            @Override
            void apply(final Path file, final long at)
            {
                DamagedFiles.writeInt(file, at, 0);
            }
        },
        GARBAGE_HEADER
        {
            @Override
            void apply(final Path file, final long at)
            {
                DamagedFiles.writeInt(file, at, 0x3A3B_1C2D);
            }
        },
        SHORTENED_HEADER
        {
            @Override
            void apply(final Path file, final long at)
            {
                DamagedFiles.writeInt(file, at, DamagedFiles.readInt(file, at) - 4);
            }
        },
        HEADER_MARKED_INCOMPLETE
        {
            @Override
            void apply(final Path file, final long at)
            {
                DamagedFiles.writeInt(file, at, DamagedFiles.readInt(file, at) | 0x8000_0000);
            }
        },
        HEADER_MARKED_METADATA
        {
            @Override
            void apply(final Path file, final long at)
            {
                DamagedFiles.writeInt(file, at, DamagedFiles.readInt(file, at) | 0x4000_0000);
            }
        },
        LAST_BYTES_ZEROED
        {
            @Override
            void apply(final Path file, final long at)
            {
                DamagedFiles.zero(file, at + 4 + DamagedFiles.bodyLength(file, at) - 3, 3);
            }
        },
        CUT_SHORT
        {
            @Override
            void apply(final Path file, final long at)
            {
                DamagedFiles.truncate(file, at + 4 + DamagedFiles.bodyLength(file, at) - 5);
            }
        },
        CUT_AT_HEADER
        {
            @Override
            void apply(final Path file, final long at)
            {
                DamagedFiles.truncate(file, at); // only Chronicle's store header still says the record was written
            }
        },
        WHOLE_RECORD_ZEROED
        {
            @Override
            void apply(final Path file, final long at)
            {
                DamagedFiles.zero(file, at, 4 + DamagedFiles.bodyLength(file, at));
            }
        },
        CUT_INSIDE_HEADER
        {
            @Override
            void apply(final Path file, final long at)
            {
                DamagedFiles.truncate(file, at + 2); // a file system that lost the end of a file, mid-header
            }
        },
        BAD_CHECKSUM
        {
            @Override
            void apply(final Path file, final long at)
            {
                DamagedFiles.flipByte(file, at + 4 + RecordFormat.CHECKSUM_OFFSET);
            }
        },
        UNKNOWN_FORMAT_VERSION
        {
            @Override
            void apply(final Path file, final long at)
            {
                DamagedFiles.flipByte(file, at + 4 + RecordFormat.FORMAT_WORD_OFFSET + 3);
            }
        };

        abstract void apply(Path file, long at);
    }
}
