package io.ordergate.gateway.auth;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntPredicate;

import io.ordergate.engine.command.AsciiView;
import io.ordergate.engine.command.BodyReader;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.user.CompletePasswordResetBody;
import io.ordergate.gateway.core.ChannelFlushes;
import io.ordergate.gateway.core.ReplyListener;
import io.ordergate.gateway.core.Scope;

/**
 * The gateway's API keys, rebuilt from the journal: key id to secret hash, scope, principal and accounts.
 * Written ONLY by the reply stage (after a CREATE_KEY succeeded) and by replay at start-up, both from the
 * journaled command body; read by the Netty event loops. Thread safe (a concurrent map of immutable entries).
 */
public final class ApiKeyRegistry implements ReplyListener, io.ordergate.gateway.core.StateBesideEngine
{
    private final ConcurrentHashMap<String, ApiKey> keys = new ConcurrentHashMap<>();
    /** The same keys by principal: outbound webhooks judge their owner per event, which a walk of every key made O(keys). */
    private final ConcurrentHashMap<Integer, ApiKey> byPrincipal = new ConcurrentHashMap<>();
    private final BodyReader reader = new BodyReader();
    private final AsciiView text = new AsciiView();
    private final CompletePasswordResetBody resetBody = new CompletePasswordResetBody();
    /** Compared against when the key is unknown, so a miss costs about what a hit does. */
    private final byte[] missHash = new byte[Secrets.HASH_LENGTH];
    /** Whether a principal is a user's (the users' directory, kept by the same reply stage in journal order). */
    private final IntPredicate isUser;

    public ApiKeyRegistry(final IntPredicate isUser)
    {
        this.isUser = isUser;
    }

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
        final boolean matches = Secrets.matchesHashOf(entry == null ? missHash : entry.secretHash(), secret);
        if (entry != null && matches)
        {
            entry.use().touch(System.currentTimeMillis());
            return entry;
        }
        return null;
    }

    /** Every live key, in creation order (principal order): {@code GET /api/v1/keys}. Safe from any thread. */
    public List<ApiKey> all()
    {
        final List<ApiKey> list = new ArrayList<>(keys.values());
        list.sort(java.util.Comparator.comparingInt(ApiKey::principal));
        return list;
    }

    /** The key of a principal, or null (a user, the system, a revoked key). */
    public ApiKey byPrincipal(final int principal)
    {
        if (principal < 0)
        {
            return null;
        }
        if (byPrincipal.size() != keys.size())
        {
            // a cluster snapshot fills the keys in place (their state root), not this index: built again from them
            byPrincipal.clear();
            keys.values().forEach(key -> byPrincipal.put(key.principal(), key));
        }
        return byPrincipal.get(principal);
    }

    public ApiKey find(final String key)
    {
        return keys.get(key);
    }

    /** Whether a key authenticated earlier is still registered with the same secret (not revoked, not rotated). */
    public boolean stillValid(final ApiKey key)
    {
        final ApiKey current = keys.get(key.key());
        return current != null && java.util.Arrays.equals(current.secretHash(), key.secretHash());
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
        apply(event);
    }

    @Override
    public void onResult(final CommandEvent event, final ChannelFlushes flushes)
    {
        apply(event);  // before the answer, so a new key works, and a revoked one fails, the moment its caller hears of it
    }

    private void apply(final CommandEvent event)
    {
        if (event.result == null || !event.result.isSuccess())
        {
            return;
        }
        if (event.type == CommandType.CREATE_KEY)
        {
            register(event);
        }
        else if (event.type == CommandType.REVOKE_KEY)
        {
            final ApiKey revoked = keys.remove(reader.wrap(event.frame, CommandFrame.BODY_OFFSET).readString(text).toString());
            if (revoked != null)
            {
                byPrincipal.remove(revoked.principal(), revoked);
            }
        }
        else if (event.type == CommandType.DELETE_ACCOUNT)
        {
            forgetAccount(reader.wrap(event.frame, CommandFrame.BODY_OFFSET).readString(text).toString());
        }
        else if (event.type == CommandType.COMPLETE_PASSWORD_RESET)
        {
            if (resetBody.wrap(event).revokesKeys())
            {
                forgetKeysOwnedBy((int)event.resultId);  // the user's principal: the engine revoked every key it owns
            }
        }
    }

    /** Every key of a user whose password was reset, as the engine's {@code Principals.revokeKeysOwnedBy}. */
    private void forgetKeysOwnedBy(final int owner)
    {
        for (final ApiKey key : keys.values())
        {
            if (key.owner() == owner && keys.remove(key.key(), key))
            {
                byPrincipal.remove(key.principal(), key);
            }
        }
    }

    /**
     * A deleted account leaves every key's list, as the engine's keys leave it: kept, an account made again with the
     * same id would count as the old key's for what only the gateway checks (its outbound webhooks' owner checks).
     */
    private void forgetAccount(final String accountId)
    {
        for (final ApiKey key : keys.values())
        {
            if (key.accountIds().contains(accountId))
            {
                final List<String> rest = new ArrayList<>(key.accountIds());
                rest.remove(accountId);
                final ApiKey narrowed = new ApiKey(key.key(), key.secretHash(), key.scope(), key.principal(), Collections.unmodifiableList(rest),
                    key.systemMade(), key.owner(), key.createdMicros(), key.use());
                keys.put(key.key(), narrowed);
                byPrincipal.put(narrowed.principal(), narrowed);
            }
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
        final ApiKey before = keys.get(key);
        final ApiKey made = new ApiKey(key, hash, scope, (int)event.resultId, Collections.unmodifiableList(accounts), systemMade,
            ownerFor(event.principal()), before != null ? before.createdMicros() : event.wallMicros(), before != null ? before.use() : new ApiKey.Use());
        keys.put(key, made);
        byPrincipal.put(made.principal(), made);
    }

    /**
     * The engine's {@code Principals.keyOwnerFor}: a key (or an agent: ExecutorKeys) made with a user's key belongs to that
     * user, so that disabling or demoting the user reaches it. The maker key is registered here: the engine let it make a
     * key, so it was not revoked.
     */
    public int ownerFor(final int maker)
    {
        final ApiKey makerKey = byPrincipal(maker);
        return makerKey != null && isUser.test(makerKey.owner()) ? makerKey.owner() : maker;
    }

    @Override
    public void stateRoots(final java.util.Map<String, Object> roots)
    {
        roots.put("api_keys", keys);
    }
}
