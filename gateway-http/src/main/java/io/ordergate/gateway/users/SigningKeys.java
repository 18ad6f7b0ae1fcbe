package io.ordergate.gateway.users;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.gen.OctetSequenceKeyGenerator;

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

    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");

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

    private static void write(final Path file, final List<OctetSequenceKey> keys)
    {
        final Path directory = file.getParent();
        try
        {
            createOwnerOnlyDirectory(directory);
            final Path temp = directory.resolve(FILE + ".tmp");
            Files.deleteIfExists(temp);
            createOwnerOnlyFile(temp);
            // forced before the rename: a power loss must leave the old set or the new one, never an empty file
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE))
            {
                channel.write(ByteBuffer.wrap(new JWKSet(new ArrayList<JWK>(keys)).toString(false).getBytes(StandardCharsets.UTF_8)));
                channel.force(true);
            }
            try
            {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            catch (final AtomicMoveNotSupportedException ex)
            {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            try (FileChannel directoryChannel = FileChannel.open(directory, StandardOpenOption.READ))
            {
                directoryChannel.force(true); // the rename itself
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write " + file, ex);
        }
    }

    private static void createOwnerOnlyDirectory(final Path directory) throws IOException
    {
        if (Files.isDirectory(directory))
        {
            return;
        }
        try
        {
            Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR));
        }
        catch (final UnsupportedOperationException ex)
        {
            Files.createDirectories(directory);  // not a POSIX file system: the platform's own protection applies
        }
    }

    private static void createOwnerOnlyFile(final Path path) throws IOException
    {
        try
        {
            Files.createFile(path, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
        }
        catch (final UnsupportedOperationException ex)
        {
            Files.createFile(path);
        }
        catch (final FileAlreadyExistsException ex)
        {
            throw new IOException(path + " appeared while writing the keys", ex);
        }
    }
}
