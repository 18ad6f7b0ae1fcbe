package io.ordergate.gateway.auth;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

import io.ordergate.engine.command.AsciiView;
import io.ordergate.engine.command.BodyReader;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.CommandType;
import io.ordergate.gateway.core.ChannelFlushes;
import io.ordergate.gateway.core.ReplyListener;
import io.ordergate.gateway.core.Scope;

/**
 * The gateway's API keys, rebuilt from the journal: key id to secret hash, scope, principal and accounts.
 * Written ONLY by the reply stage (after a CREATE_KEY succeeded) and by replay at start-up, both from the
 * journaled command body; read by the Netty event loops. Thread safe (a concurrent map of immutable entries).
 */
public final class ApiKeyRegistry implements ReplyListener
{
    private final ConcurrentHashMap<String, ApiKey> keys = new ConcurrentHashMap<>();
    private final BodyReader reader = new BodyReader();
    private final AsciiView text = new AsciiView();
    /** Compared against when the key is unknown, so a miss costs about what a hit does. */
    private final byte[] missHash = new byte[Secrets.HASH_LENGTH];

    /**
     * Checks a key and secret. Safe from any thread.
     *
     * @return the key, or null when either header is missing, the key is unknown or the secret is wrong
     */
    public ApiKey authenticate(final String key, final String secret)
    {
        if (key == null || secret == null)
        {
            return null;
        }
        final ApiKey entry = keys.get(key);
        final byte[] actual = Secrets.hash(secret);
        final boolean matches = Secrets.matches(entry == null ? missHash : entry.secretHash(), actual);
        return entry != null && matches ? entry : null;
    }

    public ApiKey find(final String key)
    {
        return keys.get(key);
    }

    /** True when an admin key made by the gateway itself at start-up is registered. */
    public boolean hasSystemAdminKey()
    {
        for (final ApiKey key : keys.values())
        {
            if (key.systemMade() && key.scope() == Scope.ADMIN)
            {
                return true;
            }
        }
        return false;
    }

    public int size()
    {
        return keys.size();
    }

    @Override
    public void onReplayed(final CommandEvent event)
    {
        if (event.type == CommandType.CREATE_KEY && event.result != null && event.result.isSuccess())
        {
            register(event);
        }
    }

    @Override
    public void onResult(final CommandEvent event, final ChannelFlushes flushes)
    {
        if (event.type == CommandType.CREATE_KEY && event.result != null && event.result.isSuccess())
        {
            register(event);  // before the answer, so the new key works the moment its creator hears of it
        }
    }

    /**
     * Registers the key of a CREATE_KEY command the engine accepted, from its journaled body, with the principal
     * the engine gave it ({@code event.resultId}). Reply thread, or the replaying thread before the pipeline starts.
     */
    public void register(final CommandEvent event)
    {
        reader.wrap(event.frame, CommandFrame.BODY_OFFSET);
        final String key = reader.readString(text).toString();
        reader.readString(text);
        final byte[] hash = new byte[text.length()];
        text.buffer().getBytes(text.offset(), hash, 0, hash.length);
        final Scope scope = Scope.fromCode(reader.readByte());
        final int count = reader.readInt();
        final List<String> accounts = new ArrayList<>(count);
        for (int i = 0; i < count; i++)
        {
            accounts.add(reader.readString(text).toString());
        }
        final boolean systemMade = event.principal() == CommandFrame.PRINCIPAL_SYSTEM;
        keys.put(key, new ApiKey(key, hash, scope, (int)event.resultId, Collections.unmodifiableList(accounts), systemMade));
    }
}
