package io.ordergate.config.secrets;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import io.ordergate.config.ConfigException;

/**
 * The master keys that encrypt stored secrets (exchange credentials, investor passwords): the current one, which
 * encrypts, and previous ones, which only decrypt while a rotation is under way. Never in the journal.
 *
 * <p>Where the current key comes from, in order: {@code ORDERGATE_MASTER_KEY} (base64 of 32 random bytes), else the
 * key file (by default {@code DATA_DIR/master.key}, beside the journal, never inside it), created owner-only
 * ({@code rw-------}) with 32 bytes from {@link SecureRandom} the first time. Previous keys:
 * {@code ORDERGATE_MASTER_KEY_PREVIOUS}, a comma-separated list of base64 keys. Immutable: safe from any thread.
 */
public final class MasterKeys
{
    public static final String KEY_ENV = "ORDERGATE_MASTER_KEY";
    public static final String PREVIOUS_ENV = "ORDERGATE_MASTER_KEY_PREVIOUS";
    public static final String KEY_FILE = "master.key";
    static final int KEY_BYTES = 32;

    /** A key and its id: the first 8 hex digits of its SHA-256, written beside each ciphertext. */
    record Key(String id, SecretKey key)
    {
        @Override
        public String toString()
        {
            return "Key{" + id + "}";  // never the key
        }
    }

    private final Key current;
    private final List<Key> all;

    private MasterKeys(final Key current, final List<Key> previous)
    {
        this.current = current;
        final List<Key> keys = new ArrayList<>();
        keys.add(current);
        keys.addAll(previous);
        this.all = List.copyOf(keys);
    }

    /** The keys from the environment, else the key file in {@code dataDir} (made once, owner-only). */
    public static MasterKeys load(final Map<String, String> env, final Path dataDir)
    {
        final String fromEnv = env.get(KEY_ENV);
        final Key current = fromEnv != null && !fromEnv.isBlank() ? key(decode(KEY_ENV, fromEnv.trim())) : key(fromFile(dataDir.resolve(KEY_FILE)));
        return new MasterKeys(current, previousKeys(env));
    }

    /**
     * Refuses a malformed {@code ORDERGATE_MASTER_KEY} or {@code ORDERGATE_MASTER_KEY_PREVIOUS} with a
     * {@link ConfigException} naming the variable. Called with the command line, so a bad variable stops the gateway
     * as a bad flag does (exit 2), before it opens its journal, not when a feature first needs a key.
     */
    public static void checkEnvironment(final Map<String, String> env)
    {
        final String fromEnv = env.get(KEY_ENV);
        if (fromEnv != null && !fromEnv.isBlank())
        {
            decode(KEY_ENV, fromEnv.trim());
        }
        previousKeys(env);
    }

    private static List<Key> previousKeys(final Map<String, String> env)
    {
        final List<Key> previous = new ArrayList<>();
        final String old = env.get(PREVIOUS_ENV);
        if (old != null && !old.isBlank())
        {
            for (final String part : old.split(","))
            {
                previous.add(key(decode(PREVIOUS_ENV, part.trim())));
            }
        }
        return previous;
    }

    /** Keys given directly (tests, tools). */
    public static MasterKeys of(final byte[] current, final byte[]... previous)
    {
        final List<Key> old = new ArrayList<>();
        for (final byte[] bytes : previous)
        {
            old.add(key(bytes));
        }
        return new MasterKeys(key(current), old);
    }

    /** A fresh random key, base64, as {@code ORDERGATE_MASTER_KEY} takes it. */
    public static String generate()
    {
        final byte[] bytes = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    Key current()
    {
        return current;
    }

    /** The key with this id, or null. */
    Key byId(final String id)
    {
        for (final Key key : all)
        {
            if (key.id().equals(id))
            {
                return key;
            }
        }
        return null;
    }

    /** The id of the key that encrypts now. */
    public String currentId()
    {
        return current.id();
    }

    private static byte[] fromFile(final Path file)
    {
        try
        {
            if (!Files.exists(file))
            {
                create(file);
            }
            return decode(file.toString(), Files.readString(file).trim());
        }
        catch (final IOException ex)
        {
            throw new ConfigException(file.toString(), "cannot read or create the master key file: " + ex.getMessage());
        }
    }

    /**
     * Writes a fresh key to an owner-only temporary file, forces it to disk and links it in under {@code file} whole:
     * a process reading the key file (two starts on one fresh data directory load their keys before the journal's
     * lock) never finds it made but empty, nor does a start after a crash; of two makers the first link wins. Not
     * journal's {@code DurableFiles.replace} (config is below journal, and this file is never replaced).
     */
    private static void create(final Path file) throws IOException
    {
        final Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        final Path temp = Files.createTempFile(dir, KEY_FILE + ".", ".tmp");  // 0600 where there are POSIX permissions
        try
        {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE))
            {
                final ByteBuffer key = ByteBuffer.wrap((generate() + "\n").getBytes(StandardCharsets.US_ASCII));
                while (key.hasRemaining())  // a write may take part of the buffer: the key file must never be cut
                {
                    channel.write(key);
                }
                channel.force(true);
            }
            try
            {
                Files.createLink(file, temp);
            }
            catch (final FileAlreadyExistsException ex)
            {
                // made by another process meanwhile, whole: that key is the one
            }
            catch (final UnsupportedOperationException ex)
            {
                Files.move(temp, file);  // no hard links here: a rename, which refuses an existing file too
            }
        }
        finally
        {
            Files.deleteIfExists(temp);
        }
        try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ))
        {
            directory.force(true);  // the link itself, so the key a start used is the key after a power loss
        }
    }

    private static byte[] decode(final String where, final String base64)
    {
        final byte[] bytes;
        try
        {
            bytes = Base64.getDecoder().decode(base64);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new ConfigException(where, "a master key must be base64 (e.g. openssl rand -base64 32)");
        }
        if (bytes.length != KEY_BYTES)
        {
            throw new ConfigException(where, "a master key must be 32 bytes (256 bits), was " + bytes.length);
        }
        return bytes;
    }

    private static Key key(final byte[] bytes)
    {
        try
        {
            final String id = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 8);
            return new Key(id, new SecretKeySpec(bytes, "AES"));
        }
        catch (final NoSuchAlgorithmException ex)
        {
            throw new IllegalStateException("SHA-256 is part of every JDK", ex);
        }
    }
}
