package io.ordergate.simulators.mt5;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The simulated terminal's first result per command id: a repeat is answered with it, never traded again. In this
 * process only, or (after {@link #persistTo}) also in a {@link TerminalStore}, where each result is on disk before
 * it is sent.
 *
 * <p>Written only by the terminal's one thread; {@link #get} may be called from any thread (tests read it).
 */
final class FirstResults implements AutoCloseable
{
    private final Map<String, Map<String, Object>> results = new ConcurrentHashMap<>();
    private TerminalStore store;

    /**
     * Opens the files and takes in the results they hold.
     *
     * @return the terminal's last saved state, or null when there is none
     */
    Map<String, Object> persistTo(final Path resultsFile, final Path stateFile)
    {
        store = new TerminalStore(resultsFile, stateFile);
        results.putAll(store.results());
        return store.state();
    }

    /** The first result for a command id, or null. */
    Map<String, Object> get(final String commandId)
    {
        return results.get(commandId);
    }

    /**
     * Remembers a command's first result. When kept on disk: the changed state (naming this command) first, then the
     * result line, both before the result is sent.
     *
     * @param changedState the terminal's state after the command (asked only when kept on disk), or null when the
     *                     command changed nothing
     */
    void remember(final String commandId, final Map<String, Object> result, final Supplier<Map<String, Object>> changedState)
    {
        if (store != null)
        {
            if (changedState != null)
            {
                store.writeState(changedState.get());
            }
            store.appendResult(commandId, result);
        }
        results.put(commandId, result);
    }

    /** Keeps a change made outside a command (a trade by hand) on disk, when kept on disk. */
    void saveState(final Supplier<Map<String, Object>> state)
    {
        if (store != null)
        {
            store.writeState(state.get());
        }
    }

    @Override
    public void close()
    {
        if (store != null)
        {
            store.close();
        }
    }
}
