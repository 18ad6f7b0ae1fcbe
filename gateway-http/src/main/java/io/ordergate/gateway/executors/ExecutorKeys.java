package io.ordergate.gateway.executors;

import java.util.concurrent.ConcurrentHashMap;

import io.ordergate.engine.command.AsciiView;
import io.ordergate.engine.command.BodyReader;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.gateway.auth.Secrets;
import io.ordergate.gateway.core.Caller;

/**
 * Executor credentials, rebuilt from the journal: api key to executor id, engine index and secret hash. Written
 * ONLY by the reply stage (after a CREATE_EXECUTOR succeeded) and by replay; read by the event loops.
 * A key authenticates only its own executor. Thread safe (concurrent maps of immutable entries).
 */
public final class ExecutorKeys
{
    /** One executor's credentials: the hash only, never the secret. */
    public record Entry(String apiKey, String executorId, int executorIndex, byte[] secretHash) implements Caller
    {
        /** An executor's reports are the venue's word, not a key holder's: they carry the system principal. */
        @Override
        public int principal()
        {
            return CommandFrame.PRINCIPAL_SYSTEM;
        }
    }

    private final ConcurrentHashMap<String, Entry> byKey = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Entry> byExecutorId = new ConcurrentHashMap<>();
    private final BodyReader reader = new BodyReader();
    private final AsciiView text = new AsciiView();
    private final byte[] missHash = new byte[Secrets.HASH_LENGTH];

    /** The entry of a key whose secret matches, or null. Safe from any thread; costs the same for an unknown key. */
    public Entry authenticate(final String apiKey, final String secret)
    {
        if (apiKey == null || secret == null)
        {
            return null;
        }
        final Entry entry = byKey.get(apiKey);
        final boolean matches = Secrets.matchesHashOf(entry == null ? missHash : entry.secretHash(), secret);
        return entry != null && matches ? entry : null;
    }

    public Entry byExecutorId(final String executorId)
    {
        return byExecutorId.get(executorId);
    }

    public int size()
    {
        return byKey.size();
    }

    /** From a CREATE_EXECUTOR the engine accepted ({@code event.resultId} is the executor's index). Reply or replay thread. */
    public void register(final CommandEvent event)
    {
        reader.wrap(event.frame, CommandFrame.BODY_OFFSET);
        final String executorId = reader.readString(text).toString();
        reader.readString(text);
        reader.readString(text);
        reader.readString(text);
        final String apiKey = reader.readString(text).toString();
        reader.readString(text);
        final byte[] hash = new byte[text.length()];
        text.buffer().getBytes(text.offset(), hash, 0, hash.length);
        final Entry entry = new Entry(apiKey, executorId, (int)event.resultId, hash);
        byKey.put(apiKey, entry);
        byExecutorId.put(executorId, entry);
    }
}
