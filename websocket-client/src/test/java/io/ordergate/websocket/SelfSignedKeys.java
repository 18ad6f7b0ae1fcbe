package io.ordergate.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;

/**
 * A key and a self-signed certificate made by the JDK's keytool, for the tests of TLS clients here and in the modules
 * above (this module's test-jar), so no test carries a certificate file or writes its own crypto.
 */
public final class SelfSignedKeys
{
    private SelfSignedKeys()
    {
    }

    /**
     * A PKCS12 store written to {@code store} and loaded: one EC key under {@code alias}, its certificate valid two days for
     * {@code commonName} with {@code subjectAltName} (e.g. {@code ip:127.0.0.1}) its only name; both passwords {@code password}.
     */
    public static KeyStore make(final Path store, final String alias, final String commonName, final String subjectAltName,
        final String password) throws Exception
    {
        final Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
            "-genkeypair", "-alias", alias, "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + commonName,
            "-ext", "SAN=" + subjectAltName, "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(),
            "-storepass", password, "-keypass", password).redirectErrorStream(true).start();
        final String said = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, keytool.waitFor(), said);
        final KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store))
        {
            keys.load(in, password.toCharArray());
        }
        return keys;
    }
}
