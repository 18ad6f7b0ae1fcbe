package io.ordergate.config;

import static io.ordergate.config.ConfigValidationTest.withInstrument;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

class AuthConfigTest
{
    @Test
    void signupIsOffAndNoMailIsSentUnlessConfigured()
    {
        final GatewayConfig config = ConfigLoader.parse(withInstrument(""), "test");
        final AuthConfig auth = config.auth();
        assertFalse(auth.signup());
        assertEquals("trader", auth.signupRole());
        assertEquals(List.of(3600, 2_592_000, 3600, 100, 10, 10, 19456, 2),
            List.of(auth.accessTokenTtlSeconds(), auth.refreshTokenTtlSeconds(), auth.resetTokenTtlSeconds(),
                auth.requestsPerMinute(), auth.maxWebSocketsPerUser(), auth.passwordMinLength(), auth.hashMemoryKib(),
                auth.hashIterations()));
        assertNull(auth.jwtSecret());
        assertFalse(config.smtp().enabled());
        assertEquals(4096, config.engine().maxUsers());
    }

    @Test
    void theDemoLetsPeopleSignUp()
    {
        assertTrue(ConfigLoader.demo().auth().signup());
    }

    @Test
    void readsEveryKeyWhenGiven()
    {
        final byte[] secret = new byte[40];
        secret[3] = 7;
        final GatewayConfig config = ConfigLoader.parse(withInstrument(String.join("\n",
            "auth: { signup: true, signup_role: viewer, access_token_ttl_seconds: 60, refresh_token_ttl_seconds: 600,",
            "        jwt_secret: " + Base64.getEncoder().encodeToString(secret) + ", requests_per_minute: 5,",
            "        max_websockets_per_user: 2, password_min_length: 12, password_hash_memory_kib: 64,",
            "        password_hash_iterations: 1, login_failures_per_user: 3, reset_link: 'https://x/reset?t=' }",
            "smtp: { host: mail.example.com, port: 2525, username: u, password: p, from: og@example.com, security: tls }",
            "engine: { max_users: 7 }",
            "")), "test");
        final AuthConfig auth = config.auth();
        assertTrue(auth.signup());
        assertEquals("viewer", auth.signupRole());
        assertEquals(60, auth.accessTokenTtlSeconds());
        assertArrayEquals(secret, auth.jwtSecret());
        assertEquals(5, auth.requestsPerMinute());
        assertEquals(3, auth.loginFailuresPerUser());
        assertEquals("https://x/reset?t=", auth.resetLink());
        assertTrue(config.smtp().enabled());
        assertEquals(2525, config.smtp().port());
        assertEquals("tls", config.smtp().security());
        assertEquals(7, config.engine().maxUsers());
        assertFalse(config.toString().contains("p,"), "the SMTP password is not printed");
    }

    @Test
    void refusesAShortSecretAnAdminSignupRoleAndAnUnknownKey()
    {
        final ConfigException shortSecret = assertThrows(ConfigException.class,
            () -> ConfigLoader.parse(withInstrument("auth: { jwt_secret: AAAA }\n"), "test"));
        assertEquals("auth.jwt_secret", shortSecret.key());
        assertThrows(ConfigException.class, () -> ConfigLoader.parse(withInstrument("auth: { signup_role: admin }\n"), "test"));
        assertThrows(ConfigException.class, () -> ConfigLoader.parse(withInstrument("smtp: { hots: x }\n"), "test"));
    }
}
