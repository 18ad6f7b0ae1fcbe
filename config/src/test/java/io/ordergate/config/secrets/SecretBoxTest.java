package io.ordergate.config.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ordergate.config.ConfigException;

class SecretBoxTest
{
    @TempDir
    Path dir;

    private static byte[] key(final int fill)
    {
        final byte[] bytes = new byte[32];
        java.util.Arrays.fill(bytes, (byte)fill);
        return bytes;
    }

    @Test
    void shouldSealWithAFreshIvAndOpenOnlyUnderTheSameContext()
    {
        final SecretBox box = new SecretBox(MasterKeys.of(key(1)));
        final String a = box.seal("s3cr3t-api-secret", "binance-1/api_secret");
        final String b = box.seal("s3cr3t-api-secret", "binance-1/api_secret");
        assertNotEquals(a, b, "a fresh IV each time");
        assertFalse(a.contains("s3cr3t"));
        assertEquals("s3cr3t-api-secret", box.open(a, "binance-1/api_secret"));
        assertThrows(SecretBox.SecretException.class, () -> box.open(a, "binance-2/api_secret"), "moved to another account");
        final String damaged = a.substring(0, a.length() - 6) + (a.endsWith("AAAAAA") ? "BBBBBB" : "AAAAAA");
        assertThrows(SecretBox.SecretException.class, () -> box.open(damaged, "binance-1/api_secret"));
    }

    @Test
    void shouldOpenUnderAPreviousKeyDuringARotationAndSayWhatNeedsResealing()
    {
        final String old = new SecretBox(MasterKeys.of(key(1))).seal("secret", "ctx");
        final SecretBox rotating = new SecretBox(MasterKeys.of(key(2), key(1)));
        assertEquals("secret", rotating.open(old, "ctx"));
        assertTrue(rotating.needsReseal(old));
        assertFalse(rotating.needsReseal(rotating.seal("secret", "ctx")));
        final SecretBox retired = new SecretBox(MasterKeys.of(key(2)));
        assertTrue(assertThrows(SecretBox.SecretException.class, () -> retired.open(old, "ctx")).getMessage().contains("ORDERGATE_MASTER_KEY_PREVIOUS"));
    }

    @Test
    void shouldMakeAnOwnerOnlyKeyFileOnceAndPreferTheEnvironment() throws Exception
    {
        final MasterKeys first = MasterKeys.load(Map.of(), dir);
        final Path file = dir.resolve(MasterKeys.KEY_FILE);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(first.currentId(), MasterKeys.load(Map.of(), dir).currentId(), "the same key on the next start");
        final String env = Base64.getEncoder().encodeToString(key(9));
        assertEquals(MasterKeys.of(key(9)).currentId(), MasterKeys.load(Map.of(MasterKeys.KEY_ENV, env), dir).currentId());
        assertThrows(ConfigException.class, () -> MasterKeys.load(Map.of(MasterKeys.KEY_ENV, "c2hvcnQ="), dir));
    }
}
