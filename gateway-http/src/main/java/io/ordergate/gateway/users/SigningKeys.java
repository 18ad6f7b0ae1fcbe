package io.ordergate.gateway.users;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.gen.OctetSequenceKeyGenerator;

import io.ordergate.journal.DurableFiles;
import io.ordergate.journal.OwnerOnlyFiles;

/**
 * The HMAC keys that sign and verify bearer tokens, each named by a {@code kid} (its RFC 7638 thumbprint) that every
 * token carries in its header. One key signs; the others only verify, so a rotation leaves tokens already issued
 * working until they expire.
 *
 * <p>Kept in {@code data_dir/auth/jwt-keys.json} (a JWK set, newest first; the directory {@code rwx------}, the
 * file {@code rw-------}), made at first start, unless {@code auth.jwt_secret} gives the signing key. Thread safe:
 * the key table is a concurrent map read by the event loops; {@link #rotate} is for the start-up thread or an admin.
 */
public final class SigningKeys
{
    public static final String FILE = "jwt-keys.json";
    /** Keys kept for verification after a rotation: enough to outlive every refresh token in practice. */
    static final int KEEP = 4;

    private final Path file;
    private final Map<String, OctetSequenceKey> byKid = new ConcurrentHashMap<>();
    private volatile OctetSequenceKey signing;
    private List<OctetSequenceKey> stored;

    private SigningKeys(final Path file, final List<OctetSequenceKey> stored, final OctetSequenceKey signing)
    {
        this.file = file;
        this.stored = stored;
        this.signing = signing;
        for (final OctetSequenceKey key : stored)
        {
            byKid.put(key.getKeyID(), key);
        }
        byKid.put(signing.getKeyID(), signing);
    }

    /**
     * Loads the keys of {@code directory}, making and saving one if there are none.
     *
     * @param configured the signing secret from the configuration, or null to sign with the stored newest key
     */
    public static SigningKeys open(final Path directory, final byte[] configured)
    {
        final Path file = directory.resolve(FILE);
        List<OctetSequenceKey> stored = read(file);
        if (configured != null)
        {
            return new SigningKeys(file, stored, withKid(new OctetSequenceKey.Builder(configured)));
        }
        if (stored.isEmpty())
        {
            stored = List.of(generate());
            write(file, stored);
        }
        return new SigningKeys(file, stored, stored.get(0));
    }

    /** The key that signs new tokens. */
    OctetSequenceKey signing()
    {
        return signing;
    }

    /** The key a token's {@code kid} names, or null: an unknown kid fails verification. */
    OctetSequenceKey find(final String kid)
    {
        return kid == null ? null : byKid.get(kid);
    }

    /**
     * Makes a new signing key and saves it first in the file; the older ones (up to {@link #KEEP}) still verify.
     * With a configured secret the configured key keeps signing until the configuration changes.
     */
    public synchronized String rotate()
    {
        final OctetSequenceKey fresh = generate();
        final List<OctetSequenceKey> keys = new ArrayList<>();
        keys.add(fresh);
        keys.addAll(stored.subList(0, Math.min(stored.size(), KEEP - 1)));
        write(file, keys);
        for (final OctetSequenceKey old : stored)
        {
            if (!keys.contains(old) && !old.getKeyID().equals(signing.getKeyID()))
            {
                byKid.remove(old.getKeyID());
            }
        }
        stored = keys;
        byKid.put(fresh.getKeyID(), fresh);
        signing = fresh;
        return fresh.getKeyID();
    }

    private static OctetSequenceKey generate()
    {
        try
        {
            final OctetSequenceKey raw = new OctetSequenceKeyGenerator(256).generate();
            return withKid(new OctetSequenceKey.Builder(raw.toByteArray()));
        }
        catch (final JOSEException ex)
        {
            throw new IllegalStateException("cannot generate a token signing key", ex);
        }
    }

    private static OctetSequenceKey withKid(final OctetSequenceKey.Builder builder)
    {
        try
        {
            return builder.algorithm(JWSAlgorithm.HS256).keyUse(KeyUse.SIGNATURE).keyIDFromThumbprint().build();
        }
        catch (final JOSEException ex)
        {
            throw new IllegalStateException("cannot name a token signing key", ex);
        }
    }

    private static List<OctetSequenceKey> read(final Path file)
    {
        if (!Files.exists(file))
        {
            return List.of();
        }
        try
        {
            final List<OctetSequenceKey> keys = new ArrayList<>();
            for (final JWK jwk : JWKSet.parse(Files.readString(file, StandardCharsets.UTF_8)).getKeys())
            {
                if (jwk instanceof OctetSequenceKey)
                {
                    keys.add(withKid(new OctetSequenceKey.Builder((OctetSequenceKey)jwk)));
                }
            }
            return keys;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read " + file, ex);
        }
        catch (final ParseException ex)
        {
            throw new IllegalStateException(file + " is not a JWK set: " + ex.getMessage(), ex);
        }
    }

    /** Replaces the key file whole, owner-only, in an owner-only directory: a power loss leaves the old set or the new one. */
    private static void write(final Path file, final List<OctetSequenceKey> keys)
    {
        OwnerOnlyFiles.directory(file.getParent());
        try
        {
            DurableFiles.replace(file, new JWKSet(new ArrayList<JWK>(keys)).toString(false).getBytes(StandardCharsets.UTF_8));
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write " + file, ex);
        }
    }
}
