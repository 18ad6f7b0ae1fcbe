package io.ordergate.config.secrets;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encrypts stored secrets with AES-256-GCM (the JDK's javax.crypto) under the current master key, and decrypts them
 * under whichever known key made them. A sealed secret is text: {@code v1:<key id>:<base64(iv ‖ ciphertext ‖ tag)>},
 * with a fresh 12-byte IV each time. The {@code context} (e.g. {@code "binance-1/api_secret"}) is authenticated
 * with it, so a ciphertext moved to another account or field does not open. Safe from any thread.
 */
public final class SecretBox
{
    private static final String PREFIX = "v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final MasterKeys keys;
    private final SecureRandom random = new SecureRandom();

    public SecretBox(final MasterKeys keys)
    {
        this.keys = keys;
    }

    public String seal(final String plaintext, final String context)
    {
        final MasterKeys.Key key = keys.current();
        final byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try
        {
            final Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key.key(), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            final byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            final ByteBuffer out = ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed);
            return PREFIX + key.id() + ':' + Base64.getEncoder().encodeToString(out.array());
        }
        catch (final GeneralSecurityException ex)
        {
            throw new IllegalStateException("AES-GCM is part of every JDK", ex);
        }
    }

    /** Opens a sealed secret; throws {@link SecretException} for a wrong key, context or a damaged text (never returns garbage). */
    public String open(final String sealed, final String context)
    {
        if (sealed == null || !sealed.startsWith(PREFIX) || sealed.indexOf(':', PREFIX.length()) < 0)
        {
            throw new SecretException("not a sealed secret");
        }
        final int colon = sealed.indexOf(':', PREFIX.length());
        final MasterKeys.Key key = keys.byId(sealed.substring(PREFIX.length(), colon));
        if (key == null)
        {
            throw new SecretException("sealed under master key " + sealed.substring(PREFIX.length(), colon)
                + ", which is neither ORDERGATE_MASTER_KEY nor in ORDERGATE_MASTER_KEY_PREVIOUS");
        }
        try
        {
            final byte[] bytes = Base64.getDecoder().decode(sealed.substring(colon + 1));
            final Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key.key(), new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), StandardCharsets.UTF_8);
        }
        catch (final AEADBadTagException | IllegalArgumentException ex)
        {
            throw new SecretException("the sealed secret does not open under its key and context (damaged, or moved)");
        }
        catch (final GeneralSecurityException ex)
        {
            throw new IllegalStateException("AES-GCM is part of every JDK", ex);
        }
    }

    /** True when the text was sealed under a key other than the current one (a rotation should reseal it). */
    public boolean needsReseal(final String sealed)
    {
        return sealed != null && sealed.startsWith(PREFIX) && !sealed.startsWith(PREFIX + keys.currentId() + ':');
    }

    /** A sealed secret's failure to open. */
    public static final class SecretException extends RuntimeException
    {
        private static final long serialVersionUID = 1L;

        SecretException(final String message)
        {
            super(message);
        }
    }
}
