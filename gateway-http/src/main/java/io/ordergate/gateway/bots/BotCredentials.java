package io.ordergate.gateway.bots;

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
 * bot must update it here too. Thread safe (concurrent maps of immutable entries).
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
    private final ConcurrentHashMap<String, Entry> bySecret = new ConcurrentHashMap<>();
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

    /** The first bot whose secret is {@code token} (a path token naming no bot), or null. Any thread. */
    public Entry bySecret(final String token)
    {
        for (final String key : secrets.lookupKeys(token))
        {
            final Entry entry = bySecret.get(key);
            if (entry != null)
            {
                return entry;
            }
        }
        return null;
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
            bySecret.putIfAbsent(verifier.lookupKey(), entry);
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
                bySecret.remove(entry.verifier().lookupKey(), entry);
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
            bySecret.replace(entry.verifier().lookupKey(), entry, renamed);
        }
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
