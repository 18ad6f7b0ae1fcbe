package io.ordergate.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import io.ordergate.gateway.testing.SecretSearch;

/**
 * Over real HTTP: keys a user makes, lists and revokes (and an admin revoking a key made before keys had owners), the
 * per-user request limit and the failed-login limit (429 with Retry-After), an expired token, and password reset by
 * mail through a real SMTP server in process (GreenMail) or by an admin's token.
 */
class UserLimitsAndResetTest
{
    private static final String PASSWORD = "correct-Horse-7-battery";
    private static final String NEW_PASSWORD = "a-different-Horse-8-staple";

    @TempDir
    Path dataDir;

    @Test
    void aUserMakesListsAndRevokesItsOwnKeysAndAnAdminRevokesAnyAtOnce()
    {
        try (TestGateway gateway = TestGateway.start(dataDir, UserClient.AUTH_YAML))
        {
            final UserClient people = new UserClient(gateway);
            final TestGateway.Key oldKey = gateway.createKey("read", "paper-1");  // by the admin key, as before this issue
            final String trader = people.userWith("t@example.com", "trader", PASSWORD, "paper-1");
            final String other = people.userWith("o@example.com", "trader", PASSWORD, "paper-2");
            final TestGateway.Reply made = people.bearer("POST", "/api/v1/keys", "{\"scope\":\"read\",\"account_ids\":[\"paper-1\"]}", trader);
            assertEquals(201, made.status(), made.toString());
            assertEquals(403, people.bearer("POST", "/api/v1/keys", "{\"scope\":\"admin\"}", trader).status(), "no wider than its role");
            assertEquals(400, people.bearer("POST", "/api/v1/keys", "{\"scope\":\"read\",\"account_ids\":[\"paper-2\"]}", trader).status());
            final TestGateway.Key key = new TestGateway.Key(made.text("api_key"), made.text("api_secret"));
            assertEquals(200, gateway.send("GET", "/api/v1/accounts/paper-1", null, key).status());

            final JsonNode mine = people.bearer("GET", "/api/v1/keys", null, trader).json().path("keys");
            assertEquals(1, mine.size(), mine.toString());
            assertEquals(key.key(), mine.get(0).path("api_key").asText());
            assertEquals(gateway.get("/api/v1/users").json().path("users").get(0).path("user_id").asText(), mine.get(0).path("owner").asText());
            assertFalse(mine.toString().contains(key.secret()), "never a secret");
            assertTrue(mine.get(0).path("last_used_at").isTextual(), "it was used once");
            final JsonNode all = gateway.get("/api/v1/keys").json().path("keys");
            assertTrue(all.size() >= 3, all.toString());

            assertEquals(404, people.bearer("DELETE", "/api/v1/keys/" + key.key(), null, other).status(), "another's key is not found");
            assertEquals(200, people.bearer("DELETE", "/api/v1/keys/" + key.key(), null, trader).status());
            assertEquals(401, gateway.send("GET", "/api/v1/accounts/paper-1", null, key).status(), "revoked at once");
            assertEquals(200, gateway.send("GET", "/api/v1/accounts/paper-1", null, oldKey).status());
            assertEquals(200, gateway.send("DELETE", "/api/v1/keys/" + oldKey.key(), null, TestGateway.ADMIN).status());
            assertEquals(401, gateway.send("GET", "/api/v1/accounts/paper-1", null, oldKey).status());
            gateway.restart();
            assertEquals(401, gateway.send("GET", "/api/v1/accounts/paper-1", null, key).status(), "and stays revoked after a restart");
        }
    }

    @Test
    void aUserPastItsRequestsPerMinuteAndALoginPastItsFailuresGet429WithRetryAfter()
    {
        try (TestGateway gateway = TestGateway.start(dataDir,
            "auth: { signup: true, password_hash_memory_kib: 1024, password_hash_iterations: 1, requests_per_minute: 5, login_failures_per_user: 4 }\n"))
        {
            final UserClient people = new UserClient(gateway);
            final String token = people.signup("ann@example.com", PASSWORD).text("access_token");
            int allowed = 0;
            TestGateway.Reply limited = null;
            // the limit is per clock minute: a burst that straddles a minute's end may use two minutes' allowance
            final long firstMinute = System.currentTimeMillis() / 60_000;
            for (int i = 0; i < 11 && limited == null; i++)
            {
                final TestGateway.Reply reply = people.bearer("GET", "/api/v1/auth/me", null, token);
                if (reply.status() == 200)
                {
                    allowed++;
                }
                else
                {
                    limited = reply;
                }
            }
            final boolean oneMinute = System.currentTimeMillis() / 60_000 == firstMinute;
            assertNotNull(limited);
            assertTrue(allowed >= 1 && allowed <= (oneMinute ? 5 : 10), "allowed " + allowed + (oneMinute ? " in one minute" : " across two"));
            assertEquals(429, limited.status());
            assertEquals("RATE_LIMIT_EXCEEDED", limited.errorCode());
            final int retryAfter = Integer.parseInt(limited.response().headers().firstValue("Retry-After").orElse("0"));
            assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);

            for (int i = 0; i < 4; i++)
            {
                final TestGateway.Reply failed = people.login("bob@example.com", "wrong-password-" + i);
                assertTrue(failed.status() == 401 || failed.status() == 429, failed.toString());
            }
            final TestGateway.Reply locked = people.login("bob@example.com", "anything-at-all");
            assertEquals(429, locked.status(), locked.toString());
            assertTrue(locked.response().headers().firstValue("Retry-After").isPresent());
        }
    }

    @Test
    void anAccountLockedByItsEmailStaysLockedWhenTriedByItsUsername()
    {
        try (TestGateway gateway = TestGateway.start(dataDir, "auth: { signup: true, password_hash_memory_kib: 1024, "
            + "password_hash_iterations: 1, login_failures_per_user: 4, login_failures_per_address: 1000 }\n"))
        {
            final UserClient people = new UserClient(gateway);
            assertEquals(201, people.anonymous("POST", "/api/v1/auth/signup",
                "{\"email\":\"ann@example.com\",\"username\":\"ann\",\"password\":\"" + PASSWORD + "\"}").status());
            int verdicts = 0;
            for (int i = 0; i < 6; i++)
            {
                verdicts += people.login("ann@example.com", "wrong-password-" + i).status() == 401 ? 1 : 0;
            }
            for (int i = 0; i < 6; i++)
            {
                final TestGateway.Reply other = people.login(i % 2 == 0 ? "ann" : "ANN", "wrong-username-" + i);
                assertEquals(429, other.status(), "the same account by its username, try " + i + ": " + other);
                assertTrue(other.response().headers().firstValue("Retry-After").isPresent());
            }
            assertTrue(verdicts >= 1 && verdicts <= 4, verdicts + " wrong passwords were judged against a limit of 4");
            assertEquals(429, people.login("ann", PASSWORD).status(), "locked for the right password too, by either name");
            assertEquals(401, people.login("bob", "wrong-password").status(), "an unknown name has its own count");
        }
    }

    @Test
    void aBurstOfConcurrentWrongLoginsGetsNoMoreVerdictsThanTheLimit() throws Exception
    {
        // a costly hash on one worker: every try of the burst arrives while the first verdicts are still being worked out
        try (TestGateway gateway = TestGateway.start(dataDir, "auth: { signup: true, password_hash_memory_kib: 16384, "
            + "password_hash_iterations: 3, password_hash_workers: 1, login_failures_per_user: 4 }\n"))
        {
            final UserClient people = new UserClient(gateway);
            assertEquals(201, people.signup("ann@example.com", PASSWORD).status());
            final int tries = 12;
            final ExecutorService clients = Executors.newFixedThreadPool(tries);
            try
            {
                final CountDownLatch go = new CountDownLatch(1);
                final List<Future<TestGateway.Reply>> replies = new ArrayList<>();
                for (int i = 0; i < tries; i++)
                {
                    final String guess = "wrong-password-" + i;
                    replies.add(clients.submit(() ->
                    {
                        go.await();
                        return people.login("ann@example.com", guess);
                    }));
                }
                go.countDown();
                int judged = 0;
                int limited = 0;
                for (final Future<TestGateway.Reply> reply : replies)
                {
                    final TestGateway.Reply answer = reply.get(60, TimeUnit.SECONDS);
                    judged += answer.status() == 401 ? 1 : 0;
                    limited += answer.status() == 429 && answer.response().headers().firstValue("Retry-After").isPresent() ? 1 : 0;
                }
                assertEquals(tries, judged + limited, "each try is judged 401 or limited 429 with Retry-After");
                assertTrue(judged >= 1 && judged <= 4, judged + " wrong passwords were tried against a limit of 4");
            }
            finally
            {
                clients.shutdownNow();
            }
        }
    }

    @Test
    void resetRequestsAndCompletionsAreLimitedWhetherTheEmailIsKnownOrNot()
    {
        try (TestGateway gateway = TestGateway.start(dataDir, "auth: { signup: true, password_hash_memory_kib: 1024, "
            + "password_hash_iterations: 1, login_failures_per_user: 4, login_failures_per_address: 8 }\n"))
        {
            final UserClient people = new UserClient(gateway);
            final TestGateway.Reply limitedRequest = firstLimited(people, "/api/v1/auth/password/reset", "{\"email\":\"nobody@example.com\"}", 200);
            assertTrue(limitedRequest.response().headers().firstValue("Retry-After").isPresent());
            assertEquals(200, people.anonymous("POST", "/api/v1/auth/password/reset", "{\"email\":\"other@example.com\"}").status(),
                "another email from the same address still has its own count");
            firstLimited(people, "/api/v1/auth/password/reset/complete", "{\"token\":\"not-a-token\",\"new_password\":\"" + NEW_PASSWORD + "\"}", 400);
        }
    }

    @Test
    void resetRequestsForOneAccountAreCountedTogetherInAnyLetterCase()
    {
        try (TestGateway gateway = TestGateway.start(dataDir, "auth: { signup: true, password_hash_memory_kib: 1024, "
            + "password_hash_iterations: 1, login_failures_per_user: 4, login_failures_per_address: 1000 }\n"))
        {
            final UserClient people = new UserClient(gateway);
            // a username with an at sign is the user's own email or refused (UserCredentialsHttpTest): one account, one count
            assertEquals(201, people.anonymous("POST", "/api/v1/auth/signup",
                "{\"email\":\"ann@example.com\",\"username\":\"Ann@Example.com\",\"password\":\"" + PASSWORD + "\"}").status());
            firstLimited(people, "/api/v1/auth/password/reset", "{\"email\":\"ann@example.com\"}", 200);
            final TestGateway.Reply other = people.anonymous("POST", "/api/v1/auth/password/reset", "{\"email\":\"ANN@EXAMPLE.COM\"}");
            assertEquals(429, other.status(), "the same account in other letters: " + other);
            assertEquals(200, people.anonymous("POST", "/api/v1/auth/password/reset", "{\"email\":\"bob@other.example\"}").status(),
                "an unknown email has its own count");
        }
    }

    @Test
    void signUpsFromOneAddressAreLimitedBeforeTheyTakeAUserOrTellWhetherAnEmailHasAnAccount()
    {
        try (TestGateway gateway = TestGateway.start(dataDir, "auth: { signup: true, password_hash_memory_kib: 1024, "
            + "password_hash_iterations: 1, signups_per_address: 2, login_failures_per_address: 1000 }\n"))
        {
            final UserClient people = new UserClient(gateway);
            assertEquals(201, people.signup("u1@example.com", PASSWORD).status());
            assertEquals(201, people.signup("u2@example.com", PASSWORD).status());
            final TestGateway.Reply limited = people.signup("u3@example.com", PASSWORD);
            assertEquals(429, limited.status(), "a third sign-up from the address, at a limit of 2: " + limited);
            assertEquals("RATE_LIMIT_EXCEEDED", limited.errorCode());
            assertTrue(limited.response().headers().firstValue("Retry-After").isPresent());
            assertEquals(2, gateway.get("/api/v1/users").json().path("users").size(), "the refused sign-up made no user");
            assertEquals(429, people.signup("u1@example.com", PASSWORD).status(), "nor says whether an email has an account");
            assertEquals(200, people.login("u1@example.com", PASSWORD).status(), "logins are counted apart");
        }
    }

    @Test
    void theLoginLimitPerAddressDoesNotLimitSignUpsNorTheSignUpLimitLogins()
    {
        try (TestGateway gateway = TestGateway.start(dataDir, "auth: { signup: true, password_hash_memory_kib: 1024, "
            + "password_hash_iterations: 1, signups_per_address: 1000, login_failures_per_address: 2 }\n"))
        {
            final UserClient people = new UserClient(gateway);
            for (int i = 1; i <= 3; i++)
            {
                assertEquals(201, people.signup("s" + i + "@example.com", PASSWORD).status(), "sign-up " + i + " of a limit of 1000");
            }
            assertEquals(401, people.login("s1@example.com", NEW_PASSWORD).status());
            assertEquals(401, people.login("s2@example.com", NEW_PASSWORD).status());
            final TestGateway.Reply limited = people.login("s3@example.com", PASSWORD);
            assertEquals(429, limited.status(), "a third login from the address after 2 failures, at a limit of 2: " + limited);
            assertEquals(201, people.signup("s4@example.com", PASSWORD).status(), "sign-ups still count by their own limit");
        }
    }

    /** Posts the body until a 429 comes, each answer before it being {@code status}; fails past 8 tries. */
    private static TestGateway.Reply firstLimited(final UserClient people, final String path, final String json, final int status)
    {
        for (int i = 0; i < 8; i++)
        {
            final TestGateway.Reply reply = people.anonymous("POST", path, json);
            if (reply.status() == 429)
            {
                assertEquals("RATE_LIMIT_EXCEEDED", reply.errorCode());
                assertTrue(i >= 1, "the first try is answered");
                return reply;
            }
            assertEquals(status, reply.status(), reply.toString());
        }
        throw new AssertionError(path + " was never limited");
    }

    @Test
    void anExpiredTokenIsRefusedWithInvalidJwt() throws Exception
    {
        try (TestGateway gateway = TestGateway.start(dataDir, UserClient.AUTH_YAML))
        {
            final UserClient people = new UserClient(gateway);
            final String token = people.signup("ann@example.com", PASSWORD).text("access_token");
            final JsonNode claims = UserClient.verifiedClaims(token, dataDir);
            // the same claims, expired a second ago, signed with the gateway's own key by the JDK: only the expiry differs
            final String expired = resign(token, claims.toString().replace("\"exp\":" + claims.path("exp").asLong(),
                "\"exp\":" + (System.currentTimeMillis() / 1000 - 1)));
            assertEquals(200, people.bearer("GET", "/api/v1/auth/me", null, resign(token, claims.toString())).status(), "the re-signing is sound");
            final TestGateway.Reply refused = people.bearer("GET", "/api/v1/auth/me", null, expired);
            assertEquals(401, refused.status());
            assertEquals("INVALID_JWT", refused.errorCode());
        }
    }

    @Test
    void aResetMailedThroughSmtpWorksOnceAndEndsEverySession() throws Exception
    {
        final GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try (TestGateway gateway = TestGateway.start(dataDir, UserClient.AUTH_YAML
            + "smtp: { host: 127.0.0.1, port: " + smtp.getSmtp().getPort() + ", security: none, from: og@example.com }\n"))
        {
            final UserClient people = new UserClient(gateway);
            final String token = people.signup("ann@example.com", PASSWORD).text("access_token");
            final TestGateway.Reply known = people.anonymous("POST", "/api/v1/auth/password/reset", "{\"email\":\"ann@example.com\"}");
            final TestGateway.Reply unknown = people.anonymous("POST", "/api/v1/auth/password/reset", "{\"email\":\"nobody@example.com\"}");
            assertEquals(200, known.status());
            assertEquals(known.json().path("message"), unknown.json().path("message"), "the same answer, known or not");
            assertTrue(smtp.waitForIncomingEmail(10_000, 1));
            assertEquals(1, smtp.getReceivedMessages().length, "no mail for an unknown address");
            final String mail = GreenMailUtil.getBody(smtp.getReceivedMessages()[0]);
            final Matcher found = Pattern.compile("([A-Za-z0-9_-]{43})").matcher(mail);
            assertTrue(found.find(), mail);
            final String resetToken = found.group(1);

            assertEquals("new_password", people.anonymous("POST", "/api/v1/auth/password/reset/complete",
                "{\"token\":\"" + resetToken + "\",\"new_password\":\"1234567890\"}").errorField());
            final TestGateway.Reply done = people.anonymous("POST", "/api/v1/auth/password/reset/complete",
                "{\"token\":\"" + resetToken + "\",\"new_password\":\"" + NEW_PASSWORD + "\"}");
            assertEquals(200, done.status(), done.toString());
            assertEquals(401, people.bearer("GET", "/api/v1/auth/me", null, token).status(), "every session ended");
            assertEquals(401, people.login("ann@example.com", PASSWORD).status());
            assertEquals(200, people.login("ann@example.com", NEW_PASSWORD).status());
            assertEquals("token", people.anonymous("POST", "/api/v1/auth/password/reset/complete",
                "{\"token\":\"" + resetToken + "\",\"new_password\":\"" + NEW_PASSWORD + "-2\"}").errorField(), "single use");
            final List<String> secrets = new ArrayList<>(List.of(PASSWORD, NEW_PASSWORD, resetToken, token));
            assertEquals(List.of(), SecretSearch.secretsIn(dataDir, secrets));
        }
        finally
        {
            smtp.stop();
        }
    }

    @Test
    void withoutSmtpAnAdminIssuesTheResetToken()
    {
        try (TestGateway gateway = TestGateway.start(dataDir, UserClient.AUTH_YAML))
        {
            final UserClient people = new UserClient(gateway);
            final String userId = people.signup("ann@example.com", PASSWORD).json().path("user").path("id").asText();
            final TestGateway.Reply issued = gateway.post("/api/v1/users/" + userId + "/password-reset", null);
            assertEquals(201, issued.status(), issued.toString());
            assertEquals(200, people.anonymous("POST", "/api/v1/auth/password/reset/complete",
                "{\"token\":\"" + issued.text("token") + "\",\"new_password\":\"" + NEW_PASSWORD + "\"}").status());
            assertEquals(200, people.login("ann@example.com", NEW_PASSWORD).status());
            assertEquals(404, gateway.post("/api/v1/users/nobody/password-reset", null).status());
        }
    }

    /** The token with other claims, HS256-signed by the JDK with the key its header names (read from the key file). */
    private String resign(final String token, final String claimsJson) throws Exception
    {
        final String header = token.substring(0, token.indexOf('.'));
        final String kid = TestGateway.JSON.readTree(Base64.getUrlDecoder().decode(header)).path("kid").asText();
        String secret = null;
        for (final JsonNode key : TestGateway.JSON.readTree(Files.readString(dataDir.resolve("auth").resolve("jwt-keys.json"))).path("keys"))
        {
            secret = key.path("kid").asText().equals(kid) ? key.path("k").asText() : secret;
        }
        final String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(claimsJson.getBytes(StandardCharsets.UTF_8));
        final Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getUrlDecoder().decode(secret), "HmacSHA256"));
        return header + "." + payload + "." + Base64.getUrlEncoder().withoutPadding()
            .encodeToString(mac.doFinal((header + "." + payload).getBytes(StandardCharsets.US_ASCII)));
    }
}
