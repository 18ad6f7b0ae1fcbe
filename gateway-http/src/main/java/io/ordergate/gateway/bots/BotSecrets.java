package io.ordergate.gateway.bots;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Bot webhook secrets. A secret is shown once, at creation; the journal keeps its SHA-256 (to check a secret sent
 * in the body or the path) and a copy sealed with AES-256-GCM under a key kept in {@code <data_dir>/webhook.key}
 * (created 0600 on first use), because checking {@code X-TradingView-Signature} (an HMAC of the body) needs the
 * secret itself, which no hash can give back. Losing the key file only disables HMAC checks for existing bots.
 * Never logs a secret. Thread safe.
 */
public final class BotSecrets
{
    public static final String KEY_FILE = "webhook.key";
    private static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ConcurrentHashMap<Path, BotSecrets> BY_DIR = new ConcurrentHashMap<>();

    private final SecretKeySpec key;

    private BotSecrets(final byte[] key)
    {
        this.key = new SecretKeySpec(key, "AES");
    }

    /** The sealer of a data directory, loading or creating its key file once. */
    public static BotSecrets forDataDir(final Path dataDir)
    {
        return BY_DIR.computeIfAbsent(dataDir.toAbsolutePath().normalize(), BotSecrets::load);
    }

    private static BotSecrets load(final Path dataDir)
    {
        final Path file = dataDir.resolve(KEY_FILE);
        try
        {
            if (!Files.exists(file))
            {
                Files.createDirectories(dataDir);
                final byte[] key = new byte[KEY_BYTES];
                RANDOM.nextBytes(key);
                final Path tmp = dataDir.resolve(KEY_FILE + ".tmp");
                Files.deleteIfExists(tmp);
                try
                {
                    Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                }
                catch (final UnsupportedOperationException ex)
                {
                    Files.createFile(tmp);
                }
                Files.write(tmp, key, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
                Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
            final byte[] key = Files.readAllBytes(file);
            if (key.length != KEY_BYTES)
            {
                throw new IllegalStateException(file + " must hold " + KEY_BYTES + " bytes");
            }
            return new BotSecrets(key);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read or create " + file, ex);
        }
    }

    public static byte[] sha256(final String secret)
    {
        try
        {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        }
        catch (final GeneralSecurityException ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    /** iv (12 bytes) || AES-GCM ciphertext and tag of the secret. */
    public byte[] seal(final String secret)
    {
        try
        {
            final byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            final Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            final byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            final byte[] out = new byte[IV_BYTES + sealed.length];
            System.arraycopy(iv, 0, out, 0, IV_BYTES);
            System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
            return out;
        }
        catch (final GeneralSecurityException ex)
        {
            throw new IllegalStateException("cannot seal a bot secret: " + ex.getClass().getSimpleName());
        }
    }

    /** The secret's bytes, or null when the seal does not open under this key (another data dir's key). */
    byte[] open(final byte[] sealed)
    {
        if (sealed.length <= IV_BYTES)
        {
            return null;
        }
        try
        {
            final Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, IV_BYTES));
            return cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
        }
        catch (final GeneralSecurityException ex)
        {
            return null;
        }
    }

    /** True when {@code presented} hashes to {@code expectedHash} (constant time). */
    public static boolean secretMatches(final String presented, final byte[] expectedHash)
    {
        return presented != null && !presented.isEmpty() && MessageDigest.isEqual(sha256(presented), expectedHash);
    }

    /** True when {@code signatureHex} is the hex HMAC-SHA256 of the body under the sealed secret (constant time). */
    public boolean signatureMatches(final String signatureHex, final byte[] sealed, final byte[] body, final int length)
    {
        if (signatureHex == null || signatureHex.isEmpty())
        {
            return false;
        }
        final byte[] secret = open(sealed);
        if (secret == null)
        {
            return false;
        }
        try
        {
            final Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update(body, 0, length);
            final byte[] expected = mac.doFinal();
            java.util.Arrays.fill(secret, (byte)0);
            String hex = signatureHex.trim().toLowerCase(java.util.Locale.ROOT);
            if (hex.startsWith("sha256="))
            {
                hex = hex.substring("sha256=".length());
            }
            final byte[] expectedHex = java.util.HexFormat.of().formatHex(expected).getBytes(StandardCharsets.US_ASCII);
            return MessageDigest.isEqual(expectedHex, hex.getBytes(StandardCharsets.US_ASCII));
        }
        catch (final GeneralSecurityException ex)
        {
            return false;
        }
    }
}
