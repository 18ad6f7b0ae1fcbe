package io.ordergate.gateway.executors;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntPredicate;
import java.util.function.IntUnaryOperator;

import io.ordergate.engine.command.AsciiView;
import io.ordergate.engine.command.BodyReader;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.user.CompletePasswordResetBody;
import io.ordergate.gateway.auth.Secrets;
import io.ordergate.gateway.core.Caller;

/**
 * Executor credentials, rebuilt from the journal: api key to executor id, engine index and secret hash. Written
 * ONLY by the reply stage (after a CREATE_EXECUTOR succeeded) and by replay; read by the event loops.
 * A key authenticates only its own executor. An agent (seed 002) has an owner, as the engine judges it (the user that paired it,
 * also through one of its keys; else the key that paired it): its pairing key works only while that owner may still act (a
 * user not disabled, a key not revoked), as a user's API keys do.
 * Thread safe (concurrent maps of immutable entries).
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
    /** Seed 002's agents by the hex SHA-256 of their pairing key, for X-Agent-Key on routes that name no agent. */
    private final ConcurrentHashMap<String, Entry> byAgentKeyHash = new ConcurrentHashMap<>();
    private final BodyReader reader = new BodyReader();
    private final AsciiView text = new AsciiView();
    private final byte[] missHash = new byte[Secrets.HASH_LENGTH];
    private final CompletePasswordResetBody resetBody = new CompletePasswordResetBody();
    /** The owner of each agent; executors made by an admin are not here and are not judged. */
    private final ConcurrentHashMap<String, Integer> agentOwners = new ConcurrentHashMap<>();
    private final IntUnaryOperator ownerOf;
    private final IntPredicate ownerActive;

    /**
     * @param ownerOf     who owns what a principal makes, as the engine's {@code Principals.keyOwnerFor}: a user's key's user
     * @param ownerActive whether an owner may still act now
     */
    public ExecutorKeys(final IntUnaryOperator ownerOf, final IntPredicate ownerActive)
    {
        this.ownerOf = ownerOf;
        this.ownerActive = ownerActive;
    }

    /** The entry of a key whose secret matches, or null. Safe from any thread; costs the same for an unknown key. */
    public Entry authenticate(final String apiKey, final String secret)
    {
        if (apiKey == null || secret == null)
        {
            return null;
        }
        final Entry entry = byKey.get(apiKey);
        final boolean matches = Secrets.matchesHashOf(entry == null ? missHash : entry.secretHash(), secret);
        return entry != null && matches && ownerActive(entry) ? entry : null;
    }

    /**
     * The agent (or executor) {@code agentId} when {@code pairingKey} is its key (X-Agent-Key), or null. Costs the same
     * for an unknown id. Safe from any thread.
     */
    public Entry authenticateAgent(final String agentId, final String pairingKey)
    {
        if (agentId == null || pairingKey == null)
        {
            return null;
        }
        final Entry entry = byExecutorId.get(agentId);
        final boolean matches = Secrets.matches(entry == null ? missHash : entry.secretHash(), Secrets.hash(pairingKey));
        return entry != null && matches && ownerActive(entry) ? entry : null;
    }

    /** The agent whose pairing key this is (X-Agent-Key alone), or null. */
    public Entry agentByKey(final String pairingKey)
    {
        final Entry entry = pairingKey == null ? null : byAgentKeyHash.get(java.util.HexFormat.of().formatHex(Secrets.hash(pairingKey)));
        return entry != null && ownerActive(entry) ? entry : null;
    }

    /**
     * Whether the entry's key may stop working while a socket it opened stays open: an agent's (its owner disabled, its pairing
     * key ended by a password reset, perhaps already since it authenticated); an executor's an admin registered never does.
     */
    boolean mayBeRevoked(final Entry entry)
    {
        return agentOwners.containsKey(entry.executorId()) || !byExecutorId.containsKey(entry.executorId());
    }

    /**
     * Whether an entry authenticated earlier would still be let in now: its key not ended (by a password reset of the agent's
     * user) and, for an agent, its owner still able to act. For what outlives the request that authenticated it (an open socket).
     */
    boolean stillValid(final Entry entry)
    {
        return byExecutorId.containsKey(entry.executorId()) && ownerActive(entry);
    }

    /** An executor, always; an agent while its owner may still act (so again once its user is enabled again). */
    private boolean ownerActive(final Entry entry)
    {
        final Integer owner = agentOwners.isEmpty() ? null : agentOwners.get(entry.executorId());
        return owner == null || ownerActive.test(owner);
    }

    /**
     * From a PAIR_AGENT the engine accepted ({@code resultId} the agent's executor index): the agent's id is also its
     * {@code X-API-Key} and its pairing key its secret, so the same program may use the executor routes. Reply or replay thread.
     */
    public void registerAgent(final CommandEvent event)
    {
        reader.wrap(event.frame, CommandFrame.BODY_OFFSET);
        final String agentId = reader.readString(text).toString();
        reader.readString(text);
        reader.readString(text);
        final byte[] hash = new byte[text.length()];
        text.buffer().getBytes(text.offset(), hash, 0, hash.length);
        final Entry entry = new Entry(agentId, agentId, (int)event.resultId, hash);
        agentOwners.put(agentId, ownerOf.applyAsInt(event.principal()));
        byKey.put(agentId, entry);
        byExecutorId.put(agentId, entry);
        byAgentKeyHash.put(java.util.HexFormat.of().formatHex(hash), entry);
    }

    /**
     * A completed password reset that revoked its user's keys ends the pairing keys of the user's agents too: a reset is how
     * an account is taken back, and an agent paired by whoever held it would still be handed the user's jobs (its EAs'
     * sources) and could answer them with artifacts of its own. The user pairs its agents again. Reply or replay thread.
     */
    public void forgetAgentsOfReset(final CommandEvent event)
    {
        if (!resetBody.wrap(event).revokesKeys())
        {
            return;  // journaled before resets revoked keys: replayed as it ran
        }
        final int user = (int)event.resultId;
        agentOwners.forEach((agentId, owner) ->
        {
            if (owner == user)
            {
                final Entry entry = byExecutorId.remove(agentId);
                agentOwners.remove(agentId);
                if (entry != null)
                {
                    byKey.remove(entry.apiKey(), entry);
                    byAgentKeyHash.values().remove(entry);
                }
            }
        });
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

    /** The state this keeps from the commands applied, for the cluster's snapshots ({@code StateBesideEngine}). */
    void stateRoots(final java.util.Map<String, Object> roots)
    {
        roots.put("executors.by_key", byKey);
        roots.put("executors.by_executor_id", byExecutorId);
        roots.put("executors.by_agent_key_hash", byAgentKeyHash);
        roots.put("executors.agent_owners", agentOwners);
    }
}
