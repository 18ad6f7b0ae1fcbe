package io.ordergate.gateway.bots;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import io.ordergate.config.secrets.KeyedHashes;
import io.ordergate.config.secrets.MasterKeys;
import io.ordergate.config.secrets.SecretBox;

/**
 * Bot webhook secrets, which people choose ({@code "s3cret"}), so nothing an offline attacker can test guesses
 * against is stored: the journal keeps a keyed hash (HMAC-SHA256 under the master key, {@link KeyedHashes}) to check
 * a secret sent in the body or the path, and a copy sealed with AES-256-GCM under the master key ({@link SecretBox},
 * bound to the bot's id), because checking {@code X-TradingView-Signature} (an HMAC of the body) needs the secret
 * itself. The master key is {@code ORDERGATE_MASTER_KEY} or {@code DATA_DIR/master.key}; kept outside the data
 * directory (the environment), the journal alone gives nothing away.
 *
 * <p>Bots created before this (journal records with an unsalted SHA-256 and a copy sealed under
 * {@code DATA_DIR/webhook.key}) are migrated on replay: their sealed copy is opened with the old key file and their
 * secret is hashed under the master key in memory; only when the old key file is gone is the old SHA-256 still used
 * (and said so at start-up). Never logs a secret. Thread safe.
 */
public final class BotSecrets
{
    /** The key file of bots created before keyed hashes, read (never created) to migrate them. */
    public static final String LEGACY_KEY_FILE = "webhook.key";
    static final String PURPOSE = "bot-webhook-secret";
    private static final String ALERT_BODY_PURPOSE = "webhook-alert-body";
    private static final int LEGACY_KEY_BYTES = 32;
    private static final int SHA256_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final HexFormat HEX = HexFormat.of();

    private final KeyedHashes hashes;
    private final SecretBox box;
    private final SecretKeySpec legacyKey;

    public BotSecrets(final MasterKeys keys, final Path dataDir)
    {
        this.hashes = new KeyedHashes(keys);
        this.box = new SecretBox(keys);
        this.legacyKey = legacyKey(dataDir.resolve(LEGACY_KEY_FILE));
    }

    /** A verifier of one bot's secret, in memory only: how its secret is checked and found by a path token. */
    public record Verifier(byte[] digest, boolean legacySha256)
    {
        /** The map key of the bot by its secret. */
        String lookupKey()
        {
            return (legacySha256 ? "sha256:" : "keyed:") + HEX.formatHex(digest);
        }
    }

    /** What the journal keeps of a new bot's secret: its keyed hash (ASCII). */
    byte[] journalHash(final String secret)
    {
        return hashes.hash(secret, PURPOSE).getBytes(StandardCharsets.US_ASCII);
    }

    /** What the journal keeps of a new bot's secret: the sealed copy (ASCII), which opens only for this bot id. */
    byte[] journalSeal(final String botId, final String secret)
    {
        return box.seal(secret, context(botId)).getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * The verifier of a journaled bot: the keyed hash under the current master key of its secret (opened from the
     * sealed copy, so a rotated master key or an old record is migrated), else the journaled keyed hash if the current
     * key made it, else an old record's SHA-256; null when nothing can check it (its master key is gone).
     */
    Verifier verifier(final String botId, final byte[] journaledHash, final byte[] sealed)
    {
        final String secret = open(botId, sealed);
        if (secret != null)
        {
            return new Verifier(hashes.digest(secret, PURPOSE), false);
        }
        final byte[] current = hashes.currentDigest(new String(journaledHash, StandardCharsets.US_ASCII));
        if (current != null)
        {
            return new Verifier(current, false);
        }
        return journaledHash.length == SHA256_BYTES ? new Verifier(journaledHash, true) : null;
    }

    /**
     * A bot no one has: a random secret, sealed and hashed as a real bot's is. An alert for a bot that does not exist
     * is checked against it, with the same work as against a real one, so the time of the answer does not tell which
     * bot names exist.
     */
    public BotCredentials.Entry decoy()
    {
        final byte[] random = new byte[32];
        new java.security.SecureRandom().nextBytes(random);
        final String secret = HEX.formatHex(random);
        final String botId = "decoy-" + HEX.formatHex(random, 0, 4);
        return new BotCredentials.Entry(botId, botId, new Verifier(hashes.digest(secret, PURPOSE), false), journalSeal(botId, secret));
    }

    /** The map keys under which a presented path token may find its bot (keyed first, then an old record's SHA-256). */
    String[] lookupKeys(final String token)
    {
        return new String[] {new Verifier(hashes.digest(token, PURPOSE), false).lookupKey(), new Verifier(sha256(token), true).lookupKey()};
    }

    /**
     * The journaled fingerprint of an alert's raw body, by which the engine finds the same body sent twice within
     * {@code webhook.dedup_window_millis}: a keyed hash (HMAC-SHA256 under the master key's hashing key, its first 64
     * bits), because the body may hold the bot's secret ({@code secret=...}) and a plain hash of it in the journal
     * would let whoever reads the journal test guesses of the secret offline. Equal bodies give equal fingerprints
     * under one master key; records written before keep their stored value, so replay decides as it did.
     */
    public long bodyFingerprint(final byte[] body, final int length)
    {
        final byte[] digest = hashes.digest(new String(body, 0, length, StandardCharsets.UTF_8), ALERT_BODY_PURPOSE);
        long fingerprint = 0;
        for (int i = 0; i < Long.BYTES; i++)
        {
            fingerprint = (fingerprint << 8) | (digest[i] & 0xff);
        }
        return fingerprint;
    }

    /** True when {@code presented} is the bot's secret (constant time). */
    public boolean secretMatches(final String presented, final Verifier verifier)
    {
        if (presented == null || presented.isEmpty() || verifier == null)
        {
            return false;
        }
        final byte[] digest = verifier.legacySha256() ? sha256(presented) : hashes.digest(presented, PURPOSE);
        return MessageDigest.isEqual(digest, verifier.digest());
    }

    /**
     * The HMAC-SHA256 of the body under the bot's secret when {@code signatureHex} (hex, optionally {@code sha256=})
     * is that HMAC (constant time), else null.
     */
    public byte[] signature(final String signatureHex, final String botId, final byte[] sealed, final byte[] body, final int length)
    {
        if (signatureHex == null || signatureHex.isEmpty())
        {
            return null;
        }
        final String secret = open(botId, sealed);
        if (secret == null)
        {
            return null;
        }
        try
        {
            final Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(body, 0, length);
            final byte[] expected = mac.doFinal();
            String hex = signatureHex.trim().toLowerCase(Locale.ROOT);
            if (hex.startsWith("sha256="))
            {
                hex = hex.substring("sha256=".length());
            }
            final byte[] expectedHex = HEX.formatHex(expected).getBytes(StandardCharsets.US_ASCII);
            return MessageDigest.isEqual(expectedHex, hex.getBytes(StandardCharsets.US_ASCII)) ? expected : null;
        }
        catch (final GeneralSecurityException ex)
        {
            return null;
        }
    }

    /** The secret of a sealed copy (under the master key, or an old record's key file), or null. */
    private String open(final String botId, final byte[] sealed)
    {
        if (isText(sealed))
        {
            try
            {
                return box.open(new String(sealed, StandardCharsets.US_ASCII), context(botId));
            }
            catch (final SecretBox.SecretException ex)
            {
                // not under a known master key; an old record's raw seal may start with these bytes too
            }
        }
        if (legacyKey == null || sealed.length <= IV_BYTES)
        {
            return null;
        }
        try
        {
            final Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, legacyKey, new GCMParameterSpec(TAG_BITS, sealed, 0, IV_BYTES));
            return new String(cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES), StandardCharsets.UTF_8);
        }
        catch (final GeneralSecurityException ex)
        {
            return null;
        }
    }

    /** A sealed copy made by {@link SecretBox} is its text form; an old record's is raw bytes. */
    private static boolean isText(final byte[] sealed)
    {
        return sealed.length > 3 && sealed[0] == 'v' && sealed[1] == '1' && sealed[2] == ':';
    }

    private static String context(final String botId)
    {
        return "bot/" + botId + "/webhook_secret";
    }

    private static SecretKeySpec legacyKey(final Path file)
    {
        if (!Files.isRegularFile(file))
        {
            return null;
        }
        try
        {
            final byte[] key = Files.readAllBytes(file);
            return key.length == LEGACY_KEY_BYTES ? new SecretKeySpec(key, "AES") : null;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read " + file, ex);
        }
    }

    static byte[] sha256(final String secret)
    {
        try
        {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        }
        catch (final GeneralSecurityException ex)
        {
            throw new IllegalStateException("SHA-256 is part of every JDK", ex);
        }
    }
}
