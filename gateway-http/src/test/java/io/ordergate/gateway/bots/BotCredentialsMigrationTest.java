package io.ordergate.gateway.bots;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ordergate.config.secrets.MasterKeys;
import io.ordergate.engine.command.BodyWriter;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.GroupBodies;
import io.ordergate.engine.command.ResultCode;

/**
 * Bot secrets at rest: new bots are journaled with a keyed hash and a master-key seal; bots journaled before that (an
 * unsalted SHA-256 and a seal under DATA_DIR/webhook.key) are rehashed under the master key as they are replayed.
 */
class BotCredentialsMigrationTest
{
    private static final String SECRET = "s3cret";

    @TempDir
    Path dataDir;

    private final MasterKeys master = MasterKeys.of(key(1));

    @Test
    void aNewBotIsJournaledWithAKeyedHashThatOnlyItsMasterKeyReproduces()
    {
        final BotSecrets secrets = new BotSecrets(master, dataDir);
        final byte[] hash = secrets.journalHash(SECRET);
        final String text = new String(hash, StandardCharsets.US_ASCII);
        assertTrue(text.startsWith("h1:" + master.currentId() + ":"), text);
        assertFalse(java.util.Arrays.equals(hash, BotSecrets.sha256(SECRET)));
        assertFalse(text.contains(java.util.HexFormat.of().formatHex(BotSecrets.sha256(SECRET))));
        final byte[] other = new BotSecrets(MasterKeys.of(key(2)), dataDir).journalHash(SECRET);
        assertFalse(java.util.Arrays.equals(hash, other), "another master key gives another hash");

        final BotCredentials credentials = new BotCredentials(secrets);
        credentials.onReplayed(createBot("b-new", hash, secrets.journalSeal("b-new", SECRET)));
        final BotCredentials.Entry bot = credentials.find("b-new");
        assertFalse(bot.verifier().legacySha256());
        assertTrue(secrets.secretMatches(SECRET, bot.verifier()));
        assertFalse(secrets.secretMatches("s3cret ", bot.verifier()));
        assertEquals("b-new", credentials.bySecret(SECRET).get(0).botId());
        assertTrue(credentials.bySecret("wrong").isEmpty());
    }

    @Test
    void aSealMovedToAnotherBotDoesNotOpen()
    {
        final BotSecrets secrets = new BotSecrets(master, dataDir);
        final byte[] sealed = secrets.journalSeal("b-1", SECRET);
        final byte[] body = "{}".getBytes(StandardCharsets.US_ASCII);
        final String signature = java.util.HexFormat.of().formatHex(hmac(SECRET, body));
        assertNotNull(secrets.signature(signature, "b-1", sealed, body, body.length));
        assertNull(secrets.signature(signature, "b-2", sealed, body, body.length), "the seal is bound to its bot id");
        assertNull(secrets.signature("00" + signature.substring(2), "b-1", sealed, body, body.length));
    }

    @Test
    void anOldRecordIsRehashedUnderTheMasterKeyWhileItsOldKeyFileIsThere() throws Exception
    {
        final byte[] legacyKey = key(9);
        Files.write(dataDir.resolve(BotSecrets.LEGACY_KEY_FILE), legacyKey);
        final BotSecrets secrets = new BotSecrets(master, dataDir);
        final BotCredentials credentials = new BotCredentials(secrets);
        credentials.onReplayed(createBot("b-old", BotSecrets.sha256(SECRET), legacySeal(legacyKey, SECRET)));

        final BotCredentials.Entry bot = credentials.find("b-old");
        assertFalse(bot.verifier().legacySha256(), "migrated: checked by its keyed hash");
        assertArrayEquals(new KeyedDigest(master).of(SECRET), bot.verifier().digest());
        assertTrue(secrets.secretMatches(SECRET, bot.verifier()));
        assertEquals("b-old", credentials.bySecret(SECRET).get(0).botId());
        final byte[] body = "b-old,closeall".getBytes(StandardCharsets.US_ASCII);
        assertNotNull(secrets.signature(java.util.HexFormat.of().formatHex(hmac(SECRET, body)), "b-old", bot.sealedSecret(), body, body.length),
            "the signature still checks against the old seal");
    }

    @Test
    void anOldRecordWhoseKeyFileIsGoneStillAuthenticatesByItsOldHash()
    {
        final BotSecrets secrets = new BotSecrets(master, dataDir);
        final BotCredentials credentials = new BotCredentials(secrets);
        credentials.onReplayed(createBot("b-old", BotSecrets.sha256(SECRET), legacySeal(key(9), SECRET)));
        final BotCredentials.Entry bot = credentials.find("b-old");
        assertTrue(bot.verifier().legacySha256());
        assertTrue(secrets.secretMatches(SECRET, bot.verifier()));
        assertFalse(secrets.secretMatches("other", bot.verifier()));
        assertEquals("b-old", credentials.bySecret(SECRET).get(0).botId());
    }

    @Test
    void aRotatedMasterKeyRehashesFromTheSealAndAForgottenOneLeavesTheBotLocked()
    {
        final BotSecrets before = new BotSecrets(master, dataDir);
        final CommandEvent created = createBot("b-r", before.journalHash(SECRET), before.journalSeal("b-r", SECRET));

        final MasterKeys rotated = MasterKeys.of(key(2), key(1));
        final BotSecrets after = new BotSecrets(rotated, dataDir);
        final BotCredentials credentials = new BotCredentials(after);
        credentials.onReplayed(created);
        assertArrayEquals(new KeyedDigest(rotated).of(SECRET), credentials.find("b-r").verifier().digest());
        assertTrue(after.secretMatches(SECRET, credentials.find("b-r").verifier()));

        final BotSecrets lost = new BotSecrets(MasterKeys.of(key(3)), dataDir);
        final BotCredentials locked = new BotCredentials(lost);
        locked.onReplayed(created);
        assertNull(locked.find("b-r").verifier());
        assertFalse(lost.secretMatches(SECRET, locked.find("b-r").verifier()));
        assertTrue(locked.bySecret(SECRET).isEmpty());
    }

    /** The keyed digest the registry should hold, computed through the public class. */
    private record KeyedDigest(MasterKeys keys)
    {
        byte[] of(final String secret)
        {
            return new io.ordergate.config.secrets.KeyedHashes(keys).digest(secret, BotSecrets.PURPOSE);
        }
    }

    private static CommandEvent createBot(final String botId, final byte[] hash, final byte[] sealed)
    {
        final CommandEvent event = new CommandEvent();
        event.reset(CommandType.CREATE_BOT);
        event.header(CommandFrame.PRINCIPAL_SYSTEM, 1L, 1L, CommandFrame.SOURCE_HTTP);
        final BodyWriter writer = new BodyWriter().wrap(event.frame, CommandFrame.BODY_OFFSET);
        GroupBodies.createBot(writer, botId, "", "", List.of("paper-1"), hash, sealed);
        event.bodyLength(writer.length());
        event.result = ResultCode.CREATED;
        return event;
    }

    private static byte[] legacySeal(final byte[] key, final String secret)
    {
        try
        {
            final byte[] iv = new byte[12];
            new SecureRandom().nextBytes(iv);
            final Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
            final byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            final byte[] out = new byte[iv.length + sealed.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(sealed, 0, out, iv.length, sealed.length);
            return out;
        }
        catch (final java.security.GeneralSecurityException ex)
        {
            throw new AssertionError(ex);
        }
    }

    private static byte[] hmac(final String secret, final byte[] body)
    {
        try
        {
            final javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        }
        catch (final java.security.GeneralSecurityException ex)
        {
            throw new AssertionError(ex);
        }
    }

    private static byte[] key(final int seed)
    {
        final byte[] key = new byte[32];
        java.util.Arrays.fill(key, (byte)seed);
        return key;
    }
}
