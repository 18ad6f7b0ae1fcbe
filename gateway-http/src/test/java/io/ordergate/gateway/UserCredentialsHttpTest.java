package io.ordergate.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Over real HTTP, what a user's credentials are after the ways they change: a new password follows the same rules at
 * signup and at a reset; a login moves a hash made at another cost to the configured one; a reset cuts off whoever held
 * the account (sessions, refresh tokens, API keys, agents); a username cannot squat another's email; a disabled user's agents are
 * refused as its keys are; one address in another Unicode form is the same account, and the same count of failed logins.
 */
class UserCredentialsHttpTest
{
    private static final String PASSWORD = "correct-Horse-7-battery";
    private static final String EMAIL = "annabelle.long@example.com";
    private static final String USERNAME = "annabelle-the-trader";

    @TempDir
    Path dataDir;

    @Test
    void aResetRefusesTheUsersEmailAndUsernameAsItsNewPasswordAsSignupDoes()
    {
        try (TestGateway gateway = TestGateway.start(dataDir, UserClient.AUTH_YAML))
        {
            final UserClient people = new UserClient(gateway);
            final TestGateway.Reply refused = people.anonymous("POST", "/api/v1/auth/signup",
                "{\"email\":\"" + EMAIL + "\",\"username\":\"" + USERNAME + "\",\"password\":\"" + EMAIL.toUpperCase() + "\"}");
            assertEquals(400, refused.status(), refused.toString());
            assertEquals("password", refused.errorField());
            final TestGateway.Reply made = people.anonymous("POST", "/api/v1/auth/signup",
                "{\"email\":\"" + EMAIL + "\",\"username\":\"" + USERNAME + "\",\"password\":\"" + PASSWORD + "\"}");
            assertEquals(201, made.status(), made.toString());
            final String token = gateway.post("/api/v1/users/" + made.json().path("user").path("id").asText() + "/password-reset", null).text("token");

            for (final String same : new String[] {EMAIL, USERNAME.toUpperCase(), "annabelle.long"})
            {
                final TestGateway.Reply reset = complete(people, token, same);
                assertEquals(400, reset.status(), same + ": " + reset);
                assertEquals("new_password", reset.errorField());
                assertEquals(refused.json().path("error").path("message").asText().replace("password", "new_password"),
                    reset.json().path("error").path("message").asText(), "the signup's rule, in the same words");
            }
            assertEquals(200, complete(people, token, "a-different-Horse-8-staple").status(), "the token was not spent by the refusals");
        }
    }

    @Test
    void aUsernameThatIsAnotherEmailIsRefusedSoThatEmailStillSignsUpAndSignsInItsOwner()
    {
        try (TestGateway gateway = TestGateway.start(dataDir, UserClient.AUTH_YAML))
        {
            final UserClient people = new UserClient(gateway);
            final TestGateway.Reply squat = people.anonymous("POST", "/api/v1/auth/signup",
                "{\"email\":\"mallory@example.com\",\"username\":\"" + EMAIL + "\",\"password\":\"" + PASSWORD + "\"}");
            assertEquals(400, squat.status(), squat.toString());
            assertEquals("username", squat.errorField());
            final TestGateway.Reply byAdmin = gateway.post("/api/v1/users", "{\"email\":\"mallory@example.com\",\"username\":\"" + EMAIL
                + "\",\"role\":\"viewer\",\"password\":\"" + PASSWORD + "\"}");
            assertEquals(400, byAdmin.status(), "nor may an admin make one: " + byAdmin);
            assertEquals(201, people.anonymous("POST", "/api/v1/auth/signup",
                "{\"email\":\"mallory@example.com\",\"username\":\"mallory\",\"password\":\"" + PASSWORD + "\"}").status());

            final TestGateway.Reply owner = people.signup(EMAIL, "the-owners-Horse-9-staple");
            assertEquals(201, owner.status(), "the address was not taken: " + owner);
            final TestGateway.Reply in = people.login(EMAIL, "the-owners-Horse-9-staple");
            assertEquals(200, in.status(), in.toString());
            assertEquals(EMAIL, in.json().path("user").path("email").asText(), "a login by the address finds its owner");
            assertEquals(401, people.login(EMAIL, PASSWORD).status(), "and only its owner");
            assertEquals(201, people.anonymous("POST", "/api/v1/auth/signup",
                "{\"email\":\"own@example.com\",\"username\":\"Own@Example.com\",\"password\":\"" + PASSWORD + "\"}").status(),
                "the user's own email is a username, as by default");
        }
    }

    @Test
    void anEmailSpelledInAnotherUnicodeFormIsTheSameMailboxNotASecondAccount()
    {
        final String composed = "jos\u00e9.ruiz@example.com";  // é as one code point (NFC)
        final String decomposed = "jose\u0301.ruiz@example.com";  // e and a combining acute accent (NFD): the same address
        try (TestGateway gateway = TestGateway.start(dataDir, UserClient.AUTH_YAML))
        {
            final UserClient people = new UserClient(gateway);
            final TestGateway.Reply owner = people.signup(composed, PASSWORD);
            assertEquals(201, owner.status(), owner.toString());
            final TestGateway.Reply twin = people.signup(decomposed, "a-different-Horse-8-staple");
            assertEquals(409, twin.status(), "one mailbox, one account: " + twin);
            final TestGateway.Reply in = people.anonymous("POST", "/api/v1/auth/login",
                "{\"email\":\"" + decomposed.toUpperCase(java.util.Locale.ROOT) + "\",\"password\":\"" + PASSWORD + "\"}");
            assertEquals(200, in.status(), "either spelling signs its owner in: " + in);
            assertEquals(owner.json().path("user").path("id").asText(), in.json().path("user").path("id").asText());
            assertEquals(composed, in.json().path("user").path("email").asText(), "kept in its composed form");
            assertEquals(200, people.login(decomposed, PASSWORD).status(), "as a username too");
        }
    }

    @Test
    void aNameLockedInOneUnicodeFormIsLockedInTheOtherWhetherItHasAnAccountOrNot()
    {
        try (TestGateway gateway = TestGateway.start(dataDir, "auth: { signup: true, password_hash_memory_kib: 1024, "
            + "password_hash_iterations: 1, login_failures_per_user: 3, login_failures_per_address: 1000 }\n"))
        {
            final UserClient people = new UserClient(gateway);
            assertEquals(201, people.signup("jos\u00e9@example.com", PASSWORD).status());
            // a known name is counted as its account, in whatever form it came: an unknown one must be too, or the
            // answer after the lockout would tell which names have an account
            for (final String name : new String[] {"jos\u00e9@example.com", "mar\u00eda@example.com"})
            {
                for (int i = 0; i < 3; i++)
                {
                    people.login(name, "wrong-password-" + i);
                }
                final String decomposed = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD);
                final TestGateway.Reply other = people.login(decomposed, "wrong-password-3");
                assertEquals(429, other.status(), name + " in its decomposed form: " + other);
            }
        }
    }

    @Test
    void aLoginRehashesAPasswordStoredAtAnotherCostThanTheConfiguredOne()
    {
        try (TestGateway gateway = TestGateway.start(dataDir, cost(1024, 1)))
        {
            assertEquals(201, new UserClient(gateway).signup(EMAIL, PASSWORD).status());
            assertEquals("m=1024,t=1,p=1", storedCost(gateway));
        }
        try (TestGateway gateway = TestGateway.start(dataDir, cost(2048, 2)))
        {
            final UserClient people = new UserClient(gateway);
            assertEquals("m=1024,t=1,p=1", storedCost(gateway), "a raised cost alone changes no stored hash");
            assertEquals(401, people.login(EMAIL, "a-wrong-Horse-7-battery").status());
            assertEquals("m=1024,t=1,p=1", storedCost(gateway), "nor does a wrong password");
            assertEquals(200, people.login(EMAIL, PASSWORD).status());
            assertEquals("m=2048,t=2,p=1", storedCost(gateway), "raised by the next login");
            assertEquals(200, people.login(EMAIL, PASSWORD).status(), "the new hash is of the same password");
            gateway.restart();
            assertEquals("m=2048,t=2,p=1", storedCost(gateway), "journaled: replayed the same");
        }
        try (TestGateway gateway = TestGateway.start(dataDir, cost(1024, 1)))
        {
            assertEquals(200, new UserClient(gateway).login(EMAIL, PASSWORD).status());
            assertEquals("m=1024,t=1,p=1", storedCost(gateway), "lowered by the next login too");
        }
    }

    @Test
    void aResetCutsOffEverySessionRefreshTokenApiKeyAndAgentOfTheUserAndNoOneElses()
    {
        try (TestGateway gateway = TestGateway.start(dataDir, UserClient.AUTH_YAML))
        {
            final UserClient people = new UserClient(gateway);
            final String access = people.userWith(EMAIL, "trader", PASSWORD, "paper-1");
            final String refresh = people.login(EMAIL, PASSWORD).text("refresh_token");
            final TestGateway.Key key = key(people, access, "paper-1");
            final TestGateway.Key othersKey = key(people, people.userWith("other@example.com", "trader", PASSWORD, "paper-2"), "paper-2");
            final TestGateway.Key adminsKey = gateway.createKey("read", "paper-1");
            assertEquals(200, gateway.send("GET", "/api/v1/accounts/paper-1", null, key).status());
            final TestGateway.Reply agent = people.bearer("POST", "/api/v1/agents/pair", "{\"agent_name\":\"intruders\"}", access);
            final TestGateway.Reply adminsAgent = gateway.post("/api/v1/agents/pair", "{\"agent_name\":\"ops\"}");
            assertEquals(200, agentHeartbeat(gateway, agent).status());

            final String userId = gateway.gateway().users().directory().findByLogin(EMAIL).id();
            final String token = gateway.post("/api/v1/users/" + userId + "/password-reset", null).text("token");
            assertEquals(200, complete(people, token, "a-different-Horse-8-staple").status());

            assertEquals(401, people.bearer("GET", "/api/v1/auth/me", null, access).status(), "the session ended");
            assertEquals(401, people.refresh(refresh).status(), "its refresh token with it");
            assertEquals(401, gateway.send("GET", "/api/v1/accounts/paper-1", null, key).status(), "the user's key is revoked");
            assertEquals(200, gateway.send("GET", "/api/v1/accounts/paper-2", null, othersKey).status(), "another user's key is not");
            assertEquals(200, gateway.send("GET", "/api/v1/accounts/paper-1", null, adminsKey).status(), "nor the admin's");
            assertFalse(gateway.get("/api/v1/keys").body().contains(key.key()), "nor listed");
            assertEquals(401, agentHeartbeat(gateway, agent).status(), "the user's agent's pairing key ends with its keys");
            assertEquals(200, agentHeartbeat(gateway, adminsAgent).status(), "not the admin's agent");
            final TestGateway.Key fresh = key(people, people.login(EMAIL, "a-different-Horse-8-staple").text("access_token"), "paper-1");
            assertEquals(200, gateway.send("GET", "/api/v1/accounts/paper-1", null, fresh).status(), "the user makes new keys");
            gateway.restart();
            assertEquals(401, gateway.send("GET", "/api/v1/accounts/paper-1", null, key).status(), "revoked after a replay too");
            assertEquals(401, agentHeartbeat(gateway, agent).status(), "the agent's too");
            assertEquals(200, agentHeartbeat(gateway, adminsAgent).status());
            assertEquals(200, gateway.send("GET", "/api/v1/accounts/paper-1", null, fresh).status());
        }
    }

    @Test
    void anAgentPairedByAUserOrItsKeyIsRefusedWhileTheUserIsDisabledAsItsKeysAre()
    {
        try (TestGateway gateway = TestGateway.start(dataDir, UserClient.AUTH_YAML))
        {
            final UserClient people = new UserClient(gateway);
            final String access = people.userWith(EMAIL, "trader", PASSWORD, "paper-1");
            final TestGateway.Reply byUser = people.bearer("POST", "/api/v1/agents/pair", "{\"agent_name\":\"vps\"}", access);
            assertEquals(201, byUser.status(), byUser.toString());
            final TestGateway.Key key = key(people, access, "paper-1", "trade");
            final TestGateway.Reply byKey = gateway.send("POST", "/api/v1/agents/pair", "{\"agent_name\":\"keyed\"}", key);
            assertEquals(201, byKey.status(), byKey.toString());
            assertEquals(200, agentHeartbeat(gateway, byUser).status());
            assertEquals(200, agentHeartbeat(gateway, byKey).status());

            final String userId = gateway.gateway().users().directory().findByLogin(EMAIL).id();
            assertEquals(200, gateway.send("PATCH", "/api/v1/users/" + userId, "{\"disabled\":true}", TestGateway.ADMIN).status());
            assertEquals(401, agentHeartbeat(gateway, byUser).status(), "a disabled user's agent answers as its keys do");
            assertEquals(401, agentHeartbeat(gateway, byKey).status(), "and so does the one its key paired (the user's agent)");
            final TestGateway.Key asExecutor = new TestGateway.Key(byUser.text("agent_id"), byUser.text("pairing_key"));
            assertEquals(401, gateway.send("POST", "/api/executor/" + asExecutor.key() + "/heartbeat", "{}", asExecutor).status(),
                "on the executor routes too");
            gateway.restart();
            assertEquals(401, agentHeartbeat(gateway, byUser).status(), "replayed the same");
            assertEquals(200, gateway.send("PATCH", "/api/v1/users/" + userId, "{\"disabled\":false}", TestGateway.ADMIN).status());
            assertEquals(200, agentHeartbeat(gateway, byUser).status(), "enabled again, as its keys");
            assertEquals(200, agentHeartbeat(gateway, byKey).status());
            assertEquals(200, gateway.send("DELETE", "/api/v1/keys/" + key.key(), null, TestGateway.ADMIN).status());
            assertEquals(200, agentHeartbeat(gateway, byKey).status(), "the agent is the user's, not the key's that paired it");
            final TestGateway.Key adminsKey = gateway.createKey("trade", "paper-1");
            final TestGateway.Reply byAdminsKey = gateway.send("POST", "/api/v1/agents/pair", "{\"agent_name\":\"ops\"}", adminsKey);
            assertEquals(200, agentHeartbeat(gateway, byAdminsKey).status());
            assertEquals(200, gateway.send("DELETE", "/api/v1/keys/" + adminsKey.key(), null, TestGateway.ADMIN).status());
            assertEquals(401, agentHeartbeat(gateway, byAdminsKey).status(), "a key of no user owns its agent: revoked, the agent is refused");
        }
    }

    private static TestGateway.Reply agentHeartbeat(final TestGateway gateway, final TestGateway.Reply paired)
    {
        return gateway.send(HttpRequest.newBuilder(URI.create(gateway.url("/api/v1/agents/" + paired.text("agent_id") + "/heartbeat")))
            .header("X-Agent-Key", paired.text("pairing_key")).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"status\":\"online\"}")).build());
    }

    private static TestGateway.Key key(final UserClient people, final String accessToken, final String account)
    {
        return key(people, accessToken, account, "read");
    }

    private static TestGateway.Key key(final UserClient people, final String accessToken, final String account, final String scope)
    {
        final TestGateway.Reply made = people.bearer("POST", "/api/v1/keys", "{\"scope\":\"" + scope + "\",\"account_ids\":[\"" + account + "\"]}",
            accessToken);
        assertEquals(201, made.status(), made.toString());
        return new TestGateway.Key(made.text("api_key"), made.text("api_secret"));
    }

    private static String cost(final int memoryKib, final int iterations)
    {
        return "auth: { signup: true, password_hash_memory_kib: " + memoryKib + ", password_hash_iterations: " + iterations + " }\n";
    }

    /** The argon2id parameters of the user's stored hash, as the gateway's directory holds it. */
    private static String storedCost(final TestGateway gateway)
    {
        return gateway.gateway().users().directory().findByLogin(EMAIL).passwordHash().split("\\$")[3];
    }

    private static TestGateway.Reply complete(final UserClient people, final String token, final String newPassword)
    {
        return people.anonymous("POST", "/api/v1/auth/password/reset/complete", "{\"token\":\"" + token + "\",\"new_password\":\"" + newPassword + "\"}");
    }
}
