package io.ordergate.gateway.bots;

import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;

import io.ordergate.engine.command.AsciiView;
import io.ordergate.engine.command.BodyReader;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.CommandType;
import io.ordergate.gateway.core.ChannelFlushes;
import io.ordergate.gateway.core.ReplyListener;

/**
 * What the webhook needs to authenticate a bot, rebuilt from the journal like the API keys: bot id and name to the
 * SHA-256 of its secret and the sealed copy (for {@code X-TradingView-Signature}). Written ONLY by the reply stage
 * (after a CREATE_BOT succeeded) and by replay; read by the event loops, so an alert is authenticated before anything
 * is published. A command that renames or deletes a bot must update it here too. Thread safe (concurrent maps of
 * immutable entries).
 */
public final class BotCredentials implements ReplyListener
{
    /** One bot's credentials: the hash and the sealed secret, never the secret. */
    public record Entry(String botId, String name, byte[] secretHash, byte[] sealedSecret)
    {
    }

    private static final HexFormat HEX = HexFormat.of();

    private final ConcurrentHashMap<String, Entry> byId = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Entry> byName = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Entry> bySecretHash = new ConcurrentHashMap<>();
    private final BodyReader reader = new BodyReader();
    private final AsciiView text = new AsciiView();

    /** The bot of an id or, failing that, a name (as the engine finds one), or null. Any thread. */
    public Entry find(final String idOrName)
    {
        final Entry entry = byId.get(idOrName);
        return entry != null ? entry : byName.get(idOrName);
    }

    /** The first bot whose secret hashes to {@code secretHash} (a path token naming no bot), or null. Any thread. */
    public Entry bySecretHash(final byte[] secretHash)
    {
        return bySecretHash.get(HEX.formatHex(secretHash));
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
        if (event.type != CommandType.CREATE_BOT || event.result == null || !event.result.isSuccess())
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
        final Entry entry = new Entry(botId, name, hash, sealed);
        byId.put(botId, entry);
        if (!name.isEmpty())
        {
            byName.putIfAbsent(name, entry);
        }
        bySecretHash.putIfAbsent(HEX.formatHex(hash), entry);
    }

    private byte[] bytes(final BodyReader body)
    {
        body.readString(text);
        final byte[] bytes = new byte[text.length()];
        text.buffer().getBytes(text.offset(), bytes, 0, bytes.length);
        return bytes;
    }
}
