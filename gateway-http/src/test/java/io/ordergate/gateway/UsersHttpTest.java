package io.ordergate.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.ordergate.gateway.testing.SecretSearch;
import io.ordergate.gateway.users.PasswordHasher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Users over real HTTP against a real gateway (loopback, port 0, temp data dir): signup, login, tokens checked by an
 * outsider, refresh rotation and reuse, logout and termination taking effect at once, roles over owned accounts,
 * a restart keeping users, sessions and revocations, and no password or token in the data directory.
 */
class UsersHttpTest
{
    private static final String PASSWORD = "correct-Horse-7-battery";

    @TempDir
    Path dataDir;

    private final List<String> secrets = new ArrayList<>();

    @Test
    void aPersonSignsUpGetsVerifiableTokensAndIsRefusedLikeAnUnknownUserOnAWrongPassword() throws Exception
    {
        try (TestGateway gateway = TestGateway.start(dataDir, UserClient.AUTH_YAML))
        {
            final UserClient people = new UserClient(gateway);
            final TestGateway.Reply signup = people.signup("Ann@Example.com", PASSWORD);
            assertEquals(201, signup.status(), signup.toString());
            final String access = signup.text("access_token");
            secrets.add(access);
            secrets.add(signup.text("refresh_token"));
            assertEquals("bearer", signup.text("token_type"));
            assertEquals(3600, signup.json().path("expires_in").asInt());
            assertEquals("ann@example.com", signup.json().path("user").path("email").asText());
            assertEquals("trader", signup.json().path("user_context").path("role").asText());
            final JsonNode claims = UserClient.verifiedClaims(access, dataDir);
            assertEquals(signup.json().path("user").path("id").asText(), claims.path("sub").asText());
            assertTrue(claims.path("exp").asLong() > claims.path("iat").asLong());

            final TestGateway.Reply me = people.bearer("GET", "/api/v1/auth/me", null, access);
            assertEquals(200, me.status(), me.toString());
            assertEquals("ann@example.com", me.text("email"));
            assertTrue(me.json().path("permissions").toString().contains("orders:write"));

            assertEquals("password", people.signup("bob@example.com", "short").errorField());
            assertEquals("password", people.signup("bob@example.com", "password123").errorField());
            assertEquals("email", people.signup("not-an-email", PASSWORD).errorField());
            assertEquals(409, people.signup("ann@example.com", PASSWORD).status());

            final TestGateway.Reply wrong = people.login("ann@example.com", PASSWORD + "x");
            final TestGateway.Reply unknown = people.login("nobody@example.com", PASSWORD);
            assertEquals(401, wrong.status());
            assertEquals(wrong.body(), unknown.body(), "the same answer for a wrong password and an unknown user");
            assertEquals("INVALID_CREDENTIALS", wrong.errorCode());
            assertEquals(401, people.bearer("GET", "/api/v1/auth/me", null, access + "x").status());
            assertEquals("INVALID_JWT", people.bearer("GET", "/api/v1/accounts", null, "not.a.token").errorCode());
            assertEquals(List.of(), SecretSearch.secretsIn(dataDir, List.of(PASSWORD, access, signup.text("refresh_token"))));
        }
    }

    @Test
    void aWrongPasswordAndAnUnknownUserLookTheSameAndCostTheSameOverHttp()
    {
        try (TestGateway gateway = TestGateway.start(dataDir, "auth: { signup: true, login_failures_per_user: 1000, login_failures_per_address: 1000 }\n"))
        {
            final UserClient people = new UserClient(gateway);
            assertEquals(201, people.signup("ann@example.com", PASSWORD).status());
            final PasswordHasher hasher = gateway.gateway().users().hasher();

            long before = hasher.workDone();
            final TestGateway.Reply wrong = people.login("ann@example.com", PASSWORD + "x");
            final long wrongWork = hasher.workDone() - before;
            before = hasher.workDone();
            final TestGateway.Reply unknown = people.login("nobody@example.com", PASSWORD);
            final long unknownWork = hasher.workDone() - before;

            assertEquals(401, wrong.status());
            assertEquals(wrong.toString(), unknown.toString(), "the same status and the same body: nothing tells them apart");
            assertTrue(wrongWork > 0, "a wrong password ran argon2id");
            // the argon2id verification is what a login costs (timing it here would measure the shared machine)
            assertEquals(wrongWork, unknownWork, "an unknown user pays the same argon2id verification");
        }
    }

    @Test
    void aUserHashedBeforeTheCostWasRaisedCostsAWrongPasswordWhatAnUnknownUserCosts()
    {
        try (TestGateway before = TestGateway.start(dataDir, UserClient.AUTH_YAML))
        {
            assertEquals(201, new UserClient(before).signup("ann@example.com", PASSWORD).status());
        }
        // the operator raises the cost (1024 KiB x 1 pass before): ann's stored hash keeps the cost it was made with
        try (TestGateway gateway = TestGateway.start(dataDir, "auth: { signup: true, password_hash_memory_kib: 2048, "
            + "password_hash_iterations: 2, login_failures_per_user: 1000, login_failures_per_address: 1000 }\n"))
        {
            final UserClient people = new UserClient(gateway);
            final PasswordHasher hasher = gateway.gateway().users().hasher();
            long before = hasher.workDone();
            assertEquals(401, people.login("ann@example.com", PASSWORD + "x").status());
            final long wrongWork = hasher.workDone() - before;
            before = hasher.workDone();
            assertEquals(401, people.login("nobody@example.com", PASSWORD).status());
            final long unknownWork = hasher.workDone() - before;
            assertEquals(2048L * 2, unknownWork, "an unknown user is verified at the configured cost");
            assertEquals(unknownWork, wrongWork, "a wrong password of an older hash pays the same argon2id work as an unknown user");
            assertEquals(200, people.login("ann@example.com", PASSWORD).status(), "the older hash still verifies");
        }
    }

    @Test
    void aRefreshRotatesAndAReusedRefreshTokenEndsTheSessionForBothHolders()
    {
        try (TestGateway gateway = TestGateway.start(dataDir, UserClient.AUTH_YAML))
        {
            final UserClient people = new UserClient(gateway);
            final TestGateway.Reply first = people.signup("ann@example.com", PASSWORD);
            final TestGateway.Reply second = people.refresh(first.text("refresh_token"));
            assertEquals(200, second.status(), second.toString());
            assertNotEquals(first.text("refresh_token"), second.text("refresh_token"));
            assertEquals(200, people.bearer("GET", "/api/v1/auth/me", null, second.text("access_token")).status());

            final TestGateway.Reply reuse = people.refresh(first.text("refresh_token"));
            assertEquals(401, reuse.status());
            assertEquals("INVALID_JWT", reuse.errorCode());
            assertEquals(401, people.bearer("GET", "/api/v1/auth/me", null, second.text("access_token")).status(),
                "the thief's reuse ends the session: the rightful holder's newer tokens stop too");
            assertEquals(401, people.refresh(second.text("refresh_token")).status());
            assertEquals(200, people.login("ann@example.com", PASSWORD).status(), "a fresh login still works");
        }
    }

    @Test
    void logoutAndTerminationTakeEffectAtOnceAndAnotherUsersSessionIsNotFound()
    {
        try (TestGateway gateway = TestGateway.start(dataDir, UserClient.AUTH_YAML))
        {
            final UserClient people = new UserClient(gateway);
            final String phone = people.signup("ann@example.com", PASSWORD).text("access_token");
            final String laptop = people.login("ann@example.com", PASSWORD).text("access_token");
            final String bob = people.signup("bob@example.com", PASSWORD).text("access_token");
            final TestGateway.Reply sessions = people.bearer("GET", "/api/v1/auth/sessions", null, laptop);
            assertEquals(2, sessions.json().path("data").path("sessions").size(), sessions.toString());
            String phoneSession = null;
            for (final JsonNode session : sessions.json().path("data").path("sessions"))
            {
                phoneSession = session.path("current").asBoolean() ? phoneSession : session.path("session_id").asText();
            }
            assertEquals(404, people.bearer("POST", "/api/v1/auth/sessions/" + phoneSession + "/terminate", null, bob).status());
            assertEquals(200, people.bearer("POST", "/api/v1/auth/sessions/" + phoneSession + "/terminate", null, laptop).status());
            assertEquals(401, people.bearer("GET", "/api/v1/auth/me", null, phone).status(), "the terminated session's token");
            assertEquals(200, people.bearer("GET", "/api/v1/auth/me", null, laptop).status());
            assertEquals(200, people.bearer("POST", "/api/v1/auth/logout", null, laptop).status());
            assertEquals(401, people.bearer("GET", "/api/v1/auth/me", null, laptop).status(), "logged out");
        }
    }

    @Test
    void aUsersRoleWorksOverTheAccountsItOwnsLikeAKeysScope()
    {
        try (TestGateway gateway = TestGateway.start(dataDir, UserClient.AUTH_YAML))
        {
            final UserClient people = new UserClient(gateway);
            assertEquals(202, gateway.quote("EURUSD", "1.08420", "1.08428").status());
            final String trader = people.userWith("t@example.com", "trader", PASSWORD, "paper-1");
            final String viewer = people.userWith("v@example.com", "viewer", PASSWORD, "paper-1");
            assertEquals(200, people.bearer("GET", "/api/v1/accounts/paper-1", null, trader).status());
            assertEquals(404, people.bearer("GET", "/api/v1/accounts/paper-2", null, trader).status(), "another's account is not found");
            final String order = "{\"account_id\":\"paper-1\",\"symbol\":\"EURUSD\",\"side\":\"buy\",\"type\":\"market\",\"quantity\":0.1}";
            assertEquals(428, people.bearer("POST", "/api/v1/orders", order, trader).status(), "a user trades once onboarded");
            people.bearer("PUT", "/api/v1/onboarding/brokers", "{\"broker_name\":\"B\",\"account_number\":\"1\"}", trader);
            people.bearer("PUT", "/api/v1/onboarding/preferences", "{\"disclaimer_accepted\":true}", trader);
            final TestGateway.Reply placed = people.bearer("POST", "/api/v1/orders", order, trader);
            assertEquals(201, placed.status(), placed.toString());
            assertEquals("filled", placed.text("status"));
            assertEquals(404, people.bearer("POST", "/api/v1/orders", order.replace("paper-1", "paper-2"), trader).status());
            assertEquals(403, people.bearer("POST", "/api/v1/orders", order, viewer).status());
            assertEquals(200, people.bearer("GET", "/api/v1/orders/" + placed.text("order_id"), null, viewer).status());
            assertEquals(403, people.bearer("POST", "/api/v1/accounts", "{\"account_id\":\"x-1\",\"balance\":1}", trader).status());
            assertEquals(403, people.bearer("GET", "/api/v1/users", null, trader).status());

            final TestGateway.Reply users = gateway.get("/api/v1/users");
            final String traderId = users.json().path("users").get(0).path("user_id").asText();
            assertEquals(200, gateway.send("PATCH", "/api/v1/users/" + traderId, "{\"disabled\": true}", TestGateway.ADMIN).status());
            assertEquals(401, people.bearer("GET", "/api/v1/accounts/paper-1", null, trader).status(), "disabled: at once");
            assertEquals(401, people.login("t@example.com", PASSWORD).status());
        }
    }

    @Test
    void aKeyAUserMadeDoesNoMoreThanItsUserCanNow()
    {
        try (TestGateway gateway = TestGateway.start(dataDir, UserClient.AUTH_YAML))
        {
            final UserClient people = new UserClient(gateway);
            assertEquals(202, gateway.quote("EURUSD", "1.08420", "1.08428").status());
            final String trader = people.userWith("t@example.com", "trader", PASSWORD, "paper-1", "paper-2");
            people.bearer("PUT", "/api/v1/onboarding/brokers", "{\"broker_name\":\"B\",\"account_number\":\"1\"}", trader);
            people.bearer("PUT", "/api/v1/onboarding/preferences", "{\"disclaimer_accepted\":true}", trader);
            final TestGateway.Reply made = people.bearer("POST", "/api/v1/keys", "{\"scope\":\"trade\",\"account_ids\":[\"paper-1\",\"paper-2\"]}", trader);
            assertEquals(201, made.status(), made.toString());
            final TestGateway.Key key = new TestGateway.Key(made.text("api_key"), made.text("api_secret"));
            final String order = "{\"account_id\":\"paper-2\",\"symbol\":\"EURUSD\",\"side\":\"buy\",\"type\":\"market\",\"quantity\":0.1}";
            assertEquals(201, gateway.send("POST", "/api/v1/orders", order, key).status(), "the key trades both accounts");
            final String user = "/api/v1/users/" + gateway.get("/api/v1/users").json().path("users").get(0).path("user_id").asText();

            assertEquals(200, gateway.send("PATCH", user, "{\"account_ids\":[\"paper-1\"]}", TestGateway.ADMIN).status());
            assertEquals(404, gateway.send("GET", "/api/v1/accounts/paper-2", null, key).status(), "the user lost paper-2: so did its key");
            assertEquals(404, gateway.send("POST", "/api/v1/orders", order, key).status());
            assertEquals(201, gateway.send("POST", "/api/v1/orders", order.replace("paper-2", "paper-1"), key).status());

            assertEquals(200, gateway.send("PATCH", user, "{\"role\":\"viewer\"}", TestGateway.ADMIN).status());
            assertEquals(403, gateway.send("POST", "/api/v1/orders", order.replace("paper-2", "paper-1"), key).status(), "a viewer's key reads");
            assertEquals(200, gateway.send("GET", "/api/v1/accounts/paper-1", null, key).status());

            assertEquals(200, gateway.send("PATCH", user, "{\"disabled\":true}", TestGateway.ADMIN).status());
            assertEquals(401, gateway.send("GET", "/api/v1/accounts/paper-1", null, key).status(), "a disabled user's key: refused at once");
            gateway.restart();
            assertEquals(401, gateway.send("GET", "/api/v1/accounts/paper-1", null, key).status(), "and after a restart");
            assertEquals(200, gateway.send("PATCH", user, "{\"disabled\":false,\"role\":\"trader\"}", TestGateway.ADMIN).status());
            assertEquals(201, gateway.send("POST", "/api/v1/orders", order.replace("paper-2", "paper-1"), key).status(), "enabled again");
        }
    }

    @Test
    void anAdminKeyAUserMadeLosesTheAdminRoutesTheMomentItsUserLosesTheAdminRole()
    {
        try (TestGateway gateway = TestGateway.start(dataDir, UserClient.AUTH_YAML))
        {
            final UserClient people = new UserClient(gateway);
            final String admin = people.userWith("boss@example.com", "admin", PASSWORD);
            final TestGateway.Reply made = people.bearer("POST", "/api/v1/keys", "{\"scope\":\"admin\"}", admin);
            assertEquals(201, made.status(), made.toString());
            final TestGateway.Key key = new TestGateway.Key(made.text("api_key"), made.text("api_secret"));
            assertEquals(200, gateway.send("GET", "/api/v1/users", null, key).status(), "an admin user's admin key");
            final String user = "/api/v1/users/" + gateway.get("/api/v1/users").json().path("users").get(0).path("user_id").asText();

            assertEquals(200, gateway.send("PATCH", user, "{\"role\":\"trader\"}", TestGateway.ADMIN).status());
            // the engine caps the key at its user's role; the routes the gateway answers alone must too
            assertEquals(403, gateway.send("GET", "/api/v1/users", null, key).status(), "every user's email, to a trader's key");
            assertEquals(403, gateway.send("GET", user, null, key).status());
            final TestGateway.Reply keys = gateway.send("GET", "/api/v1/keys", null, key);
            assertEquals(200, keys.status(), keys.toString());
            assertEquals(1, keys.json().path("keys").size(), "only its own key, not every key: " + keys);
            assertEquals(403, people.bearer("GET", "/api/v1/users", null, admin).status(), "as the user itself is refused");

            assertEquals(200, gateway.send("PATCH", user, "{\"role\":\"admin\"}", TestGateway.ADMIN).status());
            assertEquals(200, gateway.send("GET", "/api/v1/users", null, key).status(), "an admin again: the key is again");
        }
    }

    @Test
    void aKeyMadeWithAUsersAdminKeyBelongsToThatUserAndFallsWithIt()
    {
        try (TestGateway gateway = TestGateway.start(dataDir, UserClient.AUTH_YAML))
        {
            final UserClient people = new UserClient(gateway);
            final String admin = people.userWith("chief@example.com", "admin", PASSWORD);
            final TestGateway.Key usersKey = madeKey(people.bearer("POST", "/api/v1/keys", "{\"scope\":\"admin\"}", admin));
            final TestGateway.Key second = madeKey(gateway.send("POST", "/api/v1/keys", "{\"scope\":\"admin\"}", usersKey));
            final TestGateway.Key third = madeKey(gateway.send("POST", "/api/v1/keys", "{\"scope\":\"read\",\"account_ids\":[\"paper-1\"]}", second));
            final TestGateway.Key startupMade = madeKey(gateway.post("/api/v1/keys", "{\"scope\":\"admin\"}"));
            final String userId = gateway.get("/api/v1/users").json().path("users").get(0).path("user_id").asText();
            for (final JsonNode listed : gateway.get("/api/v1/keys").json().path("keys"))
            {
                final String id = listed.path("api_key").asText();
                if (id.equals(second.key()) || id.equals(third.key()))
                {
                    assertEquals(userId, listed.path("owner").asText(), "made with the user's key: the user's " + listed);
                }
                if (id.equals(startupMade.key()))
                {
                    assertEquals(TestGateway.ADMIN.key(), listed.path("owner").asText(), "the start-up key's is its own");
                }
            }
            final String user = "/api/v1/users/" + userId;
            assertEquals(200, gateway.send("PATCH", user, "{\"role\":\"trader\"}", TestGateway.ADMIN).status());
            assertEquals(403, gateway.send("GET", "/api/v1/users", null, second).status(), "demoted: so is the key its key made");
            assertEquals(200, gateway.send("PATCH", user, "{\"disabled\":true}", TestGateway.ADMIN).status());
            assertEquals(401, gateway.send("GET", "/api/v1/accounts/paper-1", null, second).status(), "disabled: the second key falls");
            assertEquals(401, gateway.send("GET", "/api/v1/accounts/paper-1", null, third).status(), "and the key it made");
            assertEquals(200, gateway.send("GET", "/api/v1/users", null, startupMade).status(), "a key of no user is not touched");
            gateway.restart();
            assertEquals(401, gateway.send("GET", "/api/v1/accounts/paper-1", null, second).status(), "the same after a replay");
            assertEquals(200, gateway.send("PATCH", user, "{\"disabled\":false,\"role\":\"admin\"}", TestGateway.ADMIN).status());
            assertEquals(200, gateway.send("GET", "/api/v1/users", null, second).status(), "an admin again: its keys are again");
            assertEquals(200, gateway.send("GET", "/api/v1/accounts/paper-1", null, third).status());
        }
    }

    private static TestGateway.Key madeKey(final TestGateway.Reply made)
    {
        assertEquals(201, made.status(), made.toString());
        return new TestGateway.Key(made.text("api_key"), made.text("api_secret"));
    }

    @Test
    void aRestartKeepsUsersSessionsAndRevocations() throws Exception
    {
        try (TestGateway gateway = TestGateway.start(dataDir, UserClient.AUTH_YAML))
        {
            final UserClient people = new UserClient(gateway);
            final TestGateway.Reply kept = people.signup("ann@example.com", PASSWORD);
            final TestGateway.Reply ended = people.login("ann@example.com", PASSWORD);
            final TestGateway.Reply rotated = people.login("ann@example.com", PASSWORD);
            assertEquals(200, people.bearer("POST", "/api/v1/auth/logout", null, ended.text("access_token")).status());
            final TestGateway.Reply next = people.refresh(rotated.text("refresh_token"));
            assertEquals(200, next.status());
            final String digest = gateway.digest();

            gateway.restart();
            assertEquals(digest, gateway.digest(), "the replayed engine is the same, users and sessions included");
            assertEquals(200, people.bearer("GET", "/api/v1/auth/me", null, kept.text("access_token")).status(), "a live session lives on");
            assertEquals(401, people.bearer("GET", "/api/v1/auth/me", null, ended.text("access_token")).status(), "a logout stays");
            assertEquals(401, people.refresh(rotated.text("refresh_token")).status(), "a rotated-out refresh token stays used");
            assertEquals(401, people.bearer("GET", "/api/v1/auth/me", null, next.text("access_token")).status(),
                "and its reuse after the restart ended the session");
            assertEquals(200, people.login("ann@example.com", PASSWORD).status(), "the password hash came back from the journal");
            for (final TestGateway.Reply reply : List.of(kept, ended, rotated, next))
            {
                secrets.add(reply.text("access_token"));
                secrets.add(reply.text("refresh_token"));
            }
            secrets.add(PASSWORD);
            assertEquals(List.of(), SecretSearch.secretsIn(dataDir, secrets));
            assertTrue(SecretSearch.secretsIn(dataDir, List.of("ann@example.com", "$argon2id$")).size() >= 2,
                "the search reads the journal: the email and the password's hash are there, the password is not");
        }
    }
}
