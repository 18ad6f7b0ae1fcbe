package io.ordergate.simulators.mt5;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;

import io.ordergate.simulators.SimulatorJson;

/**
 * The simulated terminal's durable memory, so a terminal killed with its process (kill -9) still answers a command
 * id it has seen with its first result, and can still close the tickets it opened.
 *
 * <p>Two files:
 * <ul>
 *   <li><b>results</b>, append-only: one line per first result, {@code commandId<TAB>resultJSON\n}, written and
 *       forced to disk BEFORE the result is sent. On load a last line without its newline (a write torn by a kill)
 *       is ignored and cut off, so the next append starts on a clean line; a line that is not {@code id<TAB>JSON}
 *       is skipped with a warning.</li>
 *   <li><b>state</b>, a JSON snapshot rewritten atomically (temp file, force, rename) after each command that
 *       changed the terminal: {@code nextTicket}, {@code paused}, {@code balance}, {@code positions} (ticket,
 *       symbol, side, lots, openPrice, sl, tp), and the command that changed it with its result
 *       ({@code lastCommandId}, {@code lastResult}). The snapshot is written before the results line; if the
 *       process dies between the two, loading appends the snapshot's last result to the results file, so the
 *       trade and its answer are never split.</li>
 * </ul>
 * Used by the terminal's one thread (and by the constructor before it starts); not thread-safe.
 */
final class TerminalStore implements AutoCloseable
{
    private static final Logger LOG = Logger.getLogger(TerminalStore.class.getName());

    private final Path resultsFile;
    private final Path stateFile;
    private final Map<String, Map<String, Object>> results = new LinkedHashMap<>();
    private Map<String, Object> state;
    private FileChannel resultsChannel;

    /** Opens (creating the directories) and loads both files. */
    TerminalStore(final Path resultsFile, final Path stateFile)
    {
        this.resultsFile = resultsFile.toAbsolutePath();
        this.stateFile = stateFile.toAbsolutePath();
        try
        {
            Files.createDirectories(this.resultsFile.getParent());
            Files.createDirectories(this.stateFile.getParent());
            resultsChannel = FileChannel.open(this.resultsFile,
                java.util.Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE), ownerOnly());
            loadResults();
            loadState();
        }
        catch (final IOException ex)
        {
            close();
            throw new UncheckedIOException("cannot open the simulated terminal's memory " + resultsFile + ", " + stateFile, ex);
        }
    }

    /** A terminal's memory sits in its gateway's data directory in the demo: its owner's alone, as everything there (0600). */
    private static java.nio.file.attribute.FileAttribute<?>[] ownerOnly()
    {
        return java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
            ? new java.nio.file.attribute.FileAttribute<?>[] {
                java.nio.file.attribute.PosixFilePermissions.asFileAttribute(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"))}
            : new java.nio.file.attribute.FileAttribute<?>[0];
    }

    /** First results by command id, as loaded (not those appended since). */
    Map<String, Map<String, Object>> results()
    {
        return results;
    }

    /** The last snapshot written or loaded, or null when there is none. */
    Map<String, Object> state()
    {
        return state;
    }

    /**
     * Appends a first result and forces it to disk. A command id with a tab or a line break can't be a line's key:
     * it is remembered in memory only, with a warning.
     */
    void appendResult(final String commandId, final Map<String, Object> result)
    {
        if (!keyable(commandId))
        {
            LOG.warning(() -> "command id with a tab or line break is remembered in memory only: " + commandId);
            return;
        }
        final byte[] line = (commandId + '\t' + SimulatorJson.write(result) + '\n').getBytes(StandardCharsets.UTF_8);
        try
        {
            final ByteBuffer buffer = ByteBuffer.wrap(line);
            long position = resultsChannel.size();
            while (buffer.hasRemaining())
            {
                position += resultsChannel.write(buffer, position);
            }
            resultsChannel.force(false);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot append to " + resultsFile, ex);
        }
    }

    /**
     * Rewrites the snapshot atomically; {@code snapshot} should carry the command that changed the terminal
     * ({@code lastCommandId}, {@code lastResult}) so a kill before {@link #appendResult} loses no answer.
     */
    void writeState(final Map<String, Object> snapshot)
    {
        final Path temp = stateFile.resolveSibling(stateFile.getFileName() + ".tmp");
        try
        {
            try (FileChannel out = FileChannel.open(temp,
                java.util.Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING), ownerOnly()))
            {
                final ByteBuffer buffer = ByteBuffer.wrap((SimulatorJson.write(snapshot) + '\n').getBytes(StandardCharsets.UTF_8));
                while (buffer.hasRemaining())
                {
                    out.write(buffer);
                }
                out.force(true);
            }
            try
            {
                Files.move(temp, stateFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            catch (final AtomicMoveNotSupportedException ex)
            {
                Files.move(temp, stateFile, StandardCopyOption.REPLACE_EXISTING);
            }
            state = snapshot;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write " + stateFile, ex);
        }
    }

    @Override
    public void close()
    {
        if (resultsChannel != null)
        {
            try
            {
                resultsChannel.close();
            }
            catch (final IOException ex)
            {
                LOG.fine(() -> "closing " + resultsFile + ": " + ex);
            }
        }
    }

    private static boolean keyable(final String commandId)
    {
        return commandId.indexOf('\t') < 0 && commandId.indexOf('\n') < 0 && commandId.indexOf('\r') < 0;
    }

    @SuppressWarnings("unchecked")
    private void loadResults() throws IOException
    {
        final byte[] bytes = Files.readAllBytes(resultsFile);
        int start = 0;
        int lineNumber = 0;
        for (int i = 0; i < bytes.length; i++)
        {
            if (bytes[i] != '\n')
            {
                continue;
            }
            lineNumber++;
            final String line = new String(bytes, start, i - start, StandardCharsets.UTF_8);
            start = i + 1;
            final int tab = line.indexOf('\t');
            Object result = null;
            if (tab > 0)
            {
                try
                {
                    result = SimulatorJson.parse(line.substring(tab + 1));
                }
                catch (final IOException | RuntimeException ex)
                {
                    result = null;
                }
            }
            if (result instanceof Map)
            {
                results.putIfAbsent(line.substring(0, tab), (Map<String, Object>)result);  // the FIRST result wins
            }
            else
            {
                final int n = lineNumber;
                LOG.warning(() -> resultsFile + " line " + n + " is not commandId<TAB>resultJSON: skipped");
            }
        }
        if (start < bytes.length)
        {
            // A torn last line: a kill during the write, before its newline. Its result was never sent.
            final int torn = bytes.length - start;
            LOG.warning(() -> resultsFile + ": a torn last line of " + torn + " bytes is ignored");
            resultsChannel.truncate(start);
            resultsChannel.force(false);
        }
    }

    @SuppressWarnings("unchecked")
    private void loadState() throws IOException
    {
        Files.deleteIfExists(stateFile.resolveSibling(stateFile.getFileName() + ".tmp"));  // a rename that never happened
        if (!Files.isRegularFile(stateFile))
        {
            return;
        }
        final Object parsed = SimulatorJson.parse(Files.readString(stateFile, StandardCharsets.UTF_8));
        if (!(parsed instanceof Map))
        {
            throw new IOException(stateFile + " is not a JSON object");
        }
        state = (Map<String, Object>)parsed;
        final Object lastId = state.get("lastCommandId");
        final Object lastResult = state.get("lastResult");
        if (lastId instanceof String && lastResult instanceof Map && !results.containsKey(lastId))
        {
            // Killed after the snapshot, before the results line: the trade happened, its answer is this.
            appendResult((String)lastId, (Map<String, Object>)lastResult);
            results.put((String)lastId, (Map<String, Object>)lastResult);
        }
    }
}
