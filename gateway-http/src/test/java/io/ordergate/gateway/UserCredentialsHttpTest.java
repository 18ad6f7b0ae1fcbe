package io.ordergate.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Over real HTTP, what a user's credentials are after the ways they change: a new password follows the same rules at
 * signup and at a reset.
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

    private static TestGateway.Reply complete(final UserClient people, final String token, final String newPassword)
    {
        return people.anonymous("POST", "/api/v1/auth/password/reset/complete", "{\"token\":\"" + token + "\",\"new_password\":\"" + newPassword + "\"}");
    }
}
