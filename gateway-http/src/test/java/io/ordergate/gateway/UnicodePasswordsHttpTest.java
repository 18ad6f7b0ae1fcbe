package io.ordergate.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Over real HTTP, a password set in one Unicode form (é as one code point) signs in from a device that sends the other
 * (e and a combining accent), wherever it was set: a signup, an admin's new user, a reset.
 */
class UnicodePasswordsHttpTest
{
    private static final String COMPOSED = "caf\u00e9-Horse-7-battery";
    private static final String DECOMPOSED = "cafe\u0301-Horse-7-battery";

    @TempDir
    Path dataDir;

    @Test
    void aPasswordSetInOneUnicodeFormSignsInInTheOtherAfterASignupAnAdminsUserAndAReset()
    {
        try (TestGateway gateway = TestGateway.start(dataDir, UserClient.AUTH_YAML))
        {
            final UserClient people = new UserClient(gateway);
            final TestGateway.Reply made = people.signup("ann@example.com", COMPOSED);
            assertEquals(201, made.status(), made.toString());
            assertEquals(200, people.login("ann@example.com", DECOMPOSED).status(), "signed up composed, signs in decomposed");
            assertEquals(200, people.login("ann@example.com", COMPOSED).status());

            assertEquals(201, gateway.post("/api/v1/users", "{\"email\":\"bob@example.com\",\"role\":\"viewer\",\"password\":\""
                + DECOMPOSED + "\"}").status());
            assertEquals(200, people.login("bob@example.com", COMPOSED).status(), "made decomposed by an admin, signs in composed");

            final String token = gateway.post("/api/v1/users/" + made.json().path("user").path("id").asText() + "/password-reset", null)
                .text("token");
            final String newPassword = "nai\u0308ve-Horse-8-staple";  // i, combining diaeresis
            assertEquals(200, people.anonymous("POST", "/api/v1/auth/password/reset/complete",
                "{\"token\":\"" + token + "\",\"new_password\":\"" + newPassword + "\"}").status());
            assertEquals(200, people.login("ann@example.com", "na\u00efve-Horse-8-staple").status(), "reset decomposed, signs in composed");
            gateway.restart();
            assertEquals(200, people.login("ann@example.com", "na\u00efve-Horse-8-staple").status(), "replayed the same");
            assertEquals(200, people.login("bob@example.com", DECOMPOSED).status());
        }
    }
}
