package io.ordergate.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Over real HTTP, how many API keys a signed-in user may make: {@code engine.max_keys_per_user} that still work (a key
 * revoked by its DELETE or by a password reset no longer counts); {@code engine.max_keys_made_per_user} no longer bounds the
 * keys made, since a revoked key gives its principal's place back. The test gateway's stop replays the journal and compares
 * the state digest, so each decision here also replays identically.
 */
class UserKeyLimitHttpTest
{
    private static final String PASSWORD = "correct-Horse-7-battery";
    private static final String NEW_PASSWORD = "a-different-Horse-8-staple";
    private static final String EMAIL = "ann@example.com";

    @TempDir
    Path dataDir;

    @Test
    void keysRevokedByADeleteOrAPasswordResetNoLongerCountTowardTheUsersKeyLimit()
    {
        try (TestGateway gateway = start(2, 20))
        {
            final UserClient people = new UserClient(gateway);
            final String access = people.userWith(EMAIL, "trader", PASSWORD, "paper-1");
            final TestGateway.Key first = key(people, access);
            final TestGateway.Key second = key(people, access);
            final TestGateway.Reply third = makeKey(people, access);
            assertEquals(409, third.status(), "a third working key at a limit of 2: " + third);
            assertEquals("api_key", third.errorField());

            assertEquals(200, people.bearer("DELETE", "/api/v1/keys/" + first.key(), null, access).status());
            final TestGateway.Key afterDelete = key(people, access);
            assertEquals(401, read(gateway, first), "the deleted key stays revoked");

            final String userId = gateway.gateway().users().directory().findByLogin(EMAIL).id();
            final String token = gateway.post("/api/v1/users/" + userId + "/password-reset", null).text("token");
            assertEquals(200, people.anonymous("POST", "/api/v1/auth/password/reset/complete",
                "{\"token\":\"" + token + "\",\"new_password\":\"" + NEW_PASSWORD + "\"}").status());
            final String again = people.login(EMAIL, NEW_PASSWORD).text("access_token");
            final List<TestGateway.Key> fresh = new ArrayList<>(List.of(key(people, again), key(people, again)));
            assertEquals(409, makeKey(people, again).status(), "the limit still holds over the keys that work");
            for (final TestGateway.Key revoked : List.of(first, second, afterDelete))
            {
                assertEquals(401, read(gateway, revoked), "revoked by the delete or the reset: " + revoked.key());
            }
            for (final TestGateway.Key working : fresh)
            {
                assertEquals(200, read(gateway, working));
            }
            gateway.restart();
            assertEquals(401, read(gateway, second), "a replay revokes the same keys");
            assertEquals(200, read(gateway, fresh.get(1)), "and keeps the ones made after them");
        }
    }

    @Test
    void aUserMakesKeysPastTheOldKeysMadeLimitSinceARevokedKeyGivesItsPrincipalsPlaceBack()
    {
        try (TestGateway gateway = start(2, 3))
        {
            final UserClient people = new UserClient(gateway);
            final String access = people.userWith(EMAIL, "trader", PASSWORD, "paper-1");
            final TestGateway.Key first = key(people, access);
            final TestGateway.Key second = key(people, access);
            assertEquals(200, people.bearer("DELETE", "/api/v1/keys/" + first.key(), null, access).status());
            final TestGateway.Key third = key(people, access);
            assertEquals(200, people.bearer("DELETE", "/api/v1/keys/" + third.key(), null, access).status());
            final TestGateway.Key fourth = key(people, access);  // max_keys_made_per_user (3) judges only keys journaled before
            assertEquals(401, read(gateway, third), "the revoked key stays revoked");
            assertEquals(2, people.bearer("GET", "/api/v1/keys", null, access).json().path("keys").size(), "the two working keys");
            assertEquals(200, read(gateway, second));
            assertEquals(200, read(gateway, fourth));
        }
    }

    private TestGateway start(final int keysPerUser, final int keysMadePerUser)
    {
        return TestGateway.startEdited(dataDir, config -> config.replace("max_keys: 64,",
            "max_keys: 64, max_keys_per_user: " + keysPerUser + ", max_keys_made_per_user: " + keysMadePerUser + ",") + UserClient.AUTH_YAML);
    }

    private static TestGateway.Reply makeKey(final UserClient people, final String accessToken)
    {
        return people.bearer("POST", "/api/v1/keys", "{\"scope\":\"read\",\"account_ids\":[\"paper-1\"]}", accessToken);
    }

    private static TestGateway.Key key(final UserClient people, final String accessToken)
    {
        final TestGateway.Reply made = makeKey(people, accessToken);
        assertEquals(201, made.status(), made.toString());
        return new TestGateway.Key(made.text("api_key"), made.text("api_secret"));
    }

    private static int read(final TestGateway gateway, final TestGateway.Key key)
    {
        return gateway.send("GET", "/api/v1/accounts/paper-1", null, key).status();
    }
}
