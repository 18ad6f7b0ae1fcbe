package io.ordergate.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.pipeline.Pipeline;
import io.ordergate.gateway.core.CommandPublisher;
import io.ordergate.gateway.core.OneAnswer;
import io.ordergate.journal.DurableFiles;

/**
 * This start's epoch: one more than the last start's, on disk before the pipeline takes a command, then journaled as
 * the start's first command ({@code START_EPOCH}) so that the engine, live and on every replay, puts it into the names
 * that leave the gateway (executor command ids, exchange client order ids, webhook event ids; docs/RELIABILITY.md).
 *
 * <p>Why a counter per start and not a reserved block of order ids: a lost journal tail gives again not only order ids
 * but executor command sequences and journal indexes (webhook event ids), and one number covers them all; it costs
 * the file's fsync once per start, nothing per command, and the engine thread reads no file. The file
 * ({@code DATA_DIR/start-epoch}, one decimal line, 0600) survives what the journal's unflushed end does not: it is
 * replaced whole and forced to disk with its directory entry ({@link DurableFiles#replace}). The next
 * epoch is above both the file's and the last one the journal holds, so a lost or older file alone repeats nothing.
 * Single node only: a cluster's log is replicated, not cut. Start-up thread only.
 */
final class StartEpoch
{
    static final String FILE_NAME = "start-epoch";

    private StartEpoch()
    {
    }

    /**
     * Counts this start: writes the next epoch to the data directory and forces it to disk.
     *
     * @param journaledEpoch the last epoch the replayed journal holds (0 for none)
     * @return the epoch this start runs in
     */
    static long count(final Path dataDir, final long journaledEpoch)
    {
        final Path file = dataDir.resolve(FILE_NAME);
        final long next = Math.max(read(file), journaledEpoch) + 1;
        try
        {
            DurableFiles.replace(file, (next + "\n").getBytes(StandardCharsets.US_ASCII));
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write the start epoch " + next + " to " + file + ": the gateway does not start without it"
                + " (names it gives outside could repeat after a lost journal tail)", ex);
        }
        return next;
    }

    /**
     * Journals {@code START_EPOCH} as the pipeline's first command, before anyone else can publish (the gateway's
     * publisher gets the pipeline after this).
     */
    static void journal(final Pipeline pipeline, final long epoch, final long timeoutMillis) throws InterruptedException
    {
        final CommandPublisher first = new CommandPublisher();
        first.pipeline(pipeline);
        final OneAnswer answer = new OneAnswer();
        if (!first.publish(CommandType.START_EPOCH, CommandFrame.PRINCIPAL_SYSTEM, CommandFrame.SOURCE_SYSTEM, writer -> writer.putLong(epoch),
            answer, null) || !answer.await(timeoutMillis) || answer.result() != ResultCode.OK)
        {
            throw new IllegalStateException("start-up: the start epoch " + epoch + " was not journaled within " + timeoutMillis + " ms ("
                + answer.result() + "): the gateway does not start without it");
        }
    }

    /** The epoch in the file, 0 when there is none; a file that holds anything else stops start-up. */
    static long read(final Path file)
    {
        if (!Files.exists(file))
        {
            return 0;
        }
        final String text;
        try
        {
            text = Files.readString(file, StandardCharsets.US_ASCII).trim();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read the start epoch in " + file, ex);
        }
        if (!text.matches("[1-9][0-9]{0,17}"))
        {
            throw new IllegalStateException(file + " holds \"" + (text.length() > 40 ? text.substring(0, 40) + "..." : text)
                + "\", not a start epoch (a positive decimal number): write back the last one if it is known, or delete the file"
                + " to count on from the last epoch the journal holds (docs/RELIABILITY.md)");
        }
        return Long.parseLong(text);
    }
}
