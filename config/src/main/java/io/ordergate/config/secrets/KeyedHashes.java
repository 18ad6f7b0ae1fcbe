package io.ordergate.config.secrets;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed hashes of secrets that people choose (a bot's webhook secret): HMAC-SHA256 under a hashing key derived from
 * the master key, so a stored hash cannot be attacked offline without the master key (an unsalted SHA-256 of
 * "s3cret" falls to a dictionary in a second). Stored as text: {@code h1:<key id>:<base64(HMAC)>}.
 *
 * <p>The hashing key is {@code HMAC-SHA256(master key, "ordergate keyed hash v1")}, never the master key itself, and
 * each hash names its purpose ({@code HMAC(hashing key, purpose ‖ 0 ‖ secret)}), so a hash made for one use never
 * matches in another. A rotation changes the hashing key: callers that keep the secret sealed (with {@link SecretBox})
 * rehash it under the current key; {@link #matches} checks a stored hash under whichever known key made it.
 * Safe from any thread.
 */
public final class KeyedHashes
{
    private static final String PREFIX = "h1:";
    private static final String ALGORITHM = "HmacSHA256";
    private static final byte[] DERIVATION = "ordergate keyed hash v1".getBytes(StandardCharsets.US_ASCII);

    private final MasterKeys keys;

    public KeyedHashes(final MasterKeys keys)
    {
        this.keys = keys;
    }

    /** The stored form of {@code secret}'s hash for {@code purpose}, under the current master key. */
    public String hash(final String secret, final String purpose)
    {
        final MasterKeys.Key key = keys.current();
        return PREFIX + key.id() + ':' + Base64.getEncoder().encodeToString(mac(key, secret, purpose));
    }

    /** The raw hash under the current master key: for lookups in memory (a path token to its bot). */
    public byte[] digest(final String secret, final String purpose)
    {
        return mac(keys.current(), secret, purpose);
    }

    /** True when {@code stored} was made by {@link #hash} under a known master key, for the current one's raw {@link #digest}. */
    public boolean isCurrent(final String stored)
    {
        return stored != null && stored.startsWith(PREFIX + keys.currentId() + ':');
    }

    /**
     * The raw hash inside a stored one, when it was made under the current master key (so it compares with
     * {@link #digest}); null for another key or a text that is not a keyed hash.
     */
    public byte[] currentDigest(final String stored)
    {
        if (!isCurrent(stored))
        {
            return null;
        }
        try
        {
            return Base64.getDecoder().decode(stored.substring(PREFIX.length() + keys.currentId().length() + 1));
        }
        catch (final IllegalArgumentException ex)
        {
            return null;
        }
    }

    /** Constant-time check of a presented secret against a stored hash, under whichever known master key made it. */
    public boolean matches(final String presented, final String stored, final String purpose)
    {
        if (presented == null || presented.isEmpty() || stored == null || !stored.startsWith(PREFIX))
        {
            return false;
        }
        final int colon = stored.indexOf(':', PREFIX.length());
        final MasterKeys.Key key = colon < 0 ? null : keys.byId(stored.substring(PREFIX.length(), colon));
        if (key == null)
        {
            return false;
        }
        final byte[] expected;
        try
        {
            expected = Base64.getDecoder().decode(stored.substring(colon + 1));
        }
        catch (final IllegalArgumentException ex)
        {
            return false;
        }
        return MessageDigest.isEqual(mac(key, presented, purpose), expected);
    }

    private static byte[] mac(final MasterKeys.Key key, final String secret, final String purpose)
    {
        try
        {
            final Mac derive = Mac.getInstance(ALGORITHM);
            derive.init(new SecretKeySpec(key.key().getEncoded(), ALGORITHM));
            final byte[] hashingKey = derive.doFinal(DERIVATION);
            final Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(hashingKey, ALGORITHM));
            mac.update(purpose.getBytes(StandardCharsets.UTF_8));
            mac.update((byte)0);
            return mac.doFinal(secret.getBytes(StandardCharsets.UTF_8));
        }
        catch (final GeneralSecurityException ex)
        {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", ex);
        }
    }
}
