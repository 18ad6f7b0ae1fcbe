package io.ordergate.gateway.bots;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

import io.ordergate.engine.command.AsciiView;
import io.ordergate.engine.command.BodyReader;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.GroupBodies;
import io.ordergate.gateway.core.ChannelFlushes;
import io.ordergate.gateway.core.ReplyListener;

/**
 * What the webhook needs to authenticate a bot, rebuilt from the journal like the API keys: bot id and name to a
 * verifier of its secret (a keyed hash under the master key, {@link BotSecrets}) and the sealed copy (for
 * {@code X-TradingView-Signature}). Written ONLY by the reply stage (after a CREATE_BOT succeeded) and by replay; read
 * by the event loops, so an alert is authenticated before anything is published. A command that renames or deletes a
 * bot must update it here too. Thread safe (concurrent maps of immutable entries and immutable lists).
 *
 * <p>Nothing stops two bots from being given the same secret (and the journal cannot tell after a master key
 * rotation), so a secret may find several bots: all are kept, in creation order, and a path token that finds more than
 * one names no bot ({@code BotSecretAccess} asks the alert to name it). Deleting one leaves the other findable.
 */
public final class BotCredentials implements ReplyListener, io.ordergate.gateway.core.StateBesideEngine
{
    private static final Logger LOG = Logger.getLogger(BotCredentials.class.getName());

    /** One bot's credentials: a verifier and the sealed secret, never the secret. */
    public record Entry(String botId, String name, BotSecrets.Verifier verifier, byte[] sealedSecret)
    {
    }

    private final BotSecrets secrets;
    private final ConcurrentHashMap<String, Entry> byId = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Entry> byName = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, List<Entry>> bySecret = new ConcurrentHashMap<>();
    private final BodyReader reader = new BodyReader();
    private final AsciiView text = new AsciiView();

    public BotCredentials(final BotSecrets secrets)
    {
        this.secrets = secrets;
    }

    /** The bot of an id or, failing that, a name (as the engine finds one), or null. Any thread. */
    public Entry find(final String idOrName)
    {
        final Entry entry = byId.get(idOrName);
        return entry != null ? entry : byName.get(idOrName);
    }

    /** Every bot whose secret is {@code token} (a path token naming no bot), in creation order; empty for none. Any thread. */
    public List<Entry> bySecret(final String token)
    {
        final List<Entry> found = new ArrayList<>(1);
        for (final String key : secrets.lookupKeys(token))
        {
            found.addAll(bySecret.getOrDefault(key, List.of()));
        }
        return found;
    }

    @Override
    public void onReplayed(final CommandEvent event)
    {
        register(event);
    }

    @Override
    public void onResult(final CommandEvent event, final ChannelFlushes flushes)
    {
        register(event);  // before the creator's answer: the bot takes alerts the moment it is announced
    }

    private void register(final CommandEvent event)
    {
        if (event.result == null || !event.result.isSuccess())
        {
            return;
        }
        if (event.type == CommandType.DELETE_BOT || event.type == CommandType.UPDATE_BOT)
        {
            changed(event);
            return;
        }
        if (event.type != CommandType.CREATE_BOT)
        {
            return;
        }
        reader.wrap(event.frame, CommandFrame.BODY_OFFSET);
        final String botId = reader.readString(text).toString();
        final String name = reader.readString(text).toString();
        reader.readString(text);  // group id
        final int accounts = reader.readInt();
        for (int i = 0; i < accounts; i++)
        {
            reader.readString(text);
        }
        final byte[] hash = bytes(reader);
        final byte[] sealed = bytes(reader);
        final BotSecrets.Verifier verifier = secrets.verifier(botId, hash, sealed);
        if (verifier == null)
        {
            LOG.warning(() -> "bot " + botId + ": its secret was sealed and hashed under a master key the gateway no longer has"
                + " (set ORDERGATE_MASTER_KEY_PREVIOUS); it can take no alerts");
        }
        else if (verifier.legacySha256())
        {
            LOG.warning(() -> "bot " + botId + ": its secret is still checked against an unsalted SHA-256 (created before keyed"
                + " hashes, and DATA_DIR/" + BotSecrets.LEGACY_KEY_FILE + " is gone): create it again with a new secret");
        }
        final Entry entry = new Entry(botId, name, verifier, sealed);
        byId.put(botId, entry);
        if (!name.isEmpty())
        {
            byName.putIfAbsent(name, entry);
        }
        if (verifier != null)
        {
            bySecret.merge(verifier.lookupKey(), List.of(entry), BotCredentials::appended);
        }
    }

    /** A bot deleted (its secret no longer authenticates) or renamed (alerts name it by its new name). */
    private void changed(final CommandEvent event)
    {
        reader.wrap(event.frame, CommandFrame.BODY_OFFSET);
        final String idOrName = reader.readString(text).toString();
        final Entry entry = find(idOrName);
        if (entry == null)
        {
            return;
        }
        byName.remove(entry.name(), entry);
        if (event.type == CommandType.DELETE_BOT)
        {
            byId.remove(entry.botId(), entry);
            if (entry.verifier() != null)
            {
                bySecret.computeIfPresent(entry.verifier().lookupKey(), (key, bots) -> replaced(bots, entry, null));
            }
            return;
        }
        final int mask = reader.readInt();
        final String name = reader.readString(text).toString();
        final Entry renamed = (mask & GroupBodies.BOT_SET_NAME) != 0 ? new Entry(entry.botId(), name, entry.verifier(), entry.sealedSecret())
            : entry;
        byId.put(entry.botId(), renamed);
        if (!renamed.name().isEmpty())
        {
            byName.putIfAbsent(renamed.name(), renamed);
        }
        if (entry.verifier() != null)
        {
            bySecret.computeIfPresent(entry.verifier().lookupKey(), (key, bots) -> replaced(bots, entry, renamed));
        }
    }

    private static List<Entry> appended(final List<Entry> bots, final List<Entry> added)
    {
        final List<Entry> all = new ArrayList<>(bots);
        all.addAll(added);
        return List.copyOf(all);
    }

    /** {@code bots} with {@code old} replaced by {@code now} (removed when null); null (no mapping) when none are left. */
    private static List<Entry> replaced(final List<Entry> bots, final Entry old, final Entry now)
    {
        final List<Entry> kept = new ArrayList<>(bots.size());
        for (final Entry bot : bots)
        {
            if (bot != old)
            {
                kept.add(bot);
            }
            else if (now != null)
            {
                kept.add(now);
            }
        }
        return kept.isEmpty() ? null : List.copyOf(kept);
    }

    private byte[] bytes(final BodyReader body)
    {
        body.readString(text);
        final byte[] bytes = new byte[text.length()];
        text.buffer().getBytes(text.offset(), bytes, 0, bytes.length);
        return bytes;
    }

    @Override
    public void stateRoots(final java.util.Map<String, Object> roots)
    {
        roots.put("bots.by_id", byId);
        roots.put("bots.by_name", byName);
        roots.put("bots.by_secret", bySecret);
    }
}
