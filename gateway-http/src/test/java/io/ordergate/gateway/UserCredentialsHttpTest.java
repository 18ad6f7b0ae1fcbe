package io.ordergate.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Over real HTTP, what a user's credentials are after the ways they change: a new password follows the same rules at
 * signup and at a reset; a login moves a hash made at another cost to the configured one.
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
