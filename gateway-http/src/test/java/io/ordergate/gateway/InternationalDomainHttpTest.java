package io.ordergate.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An email at an internationalised domain (RFC 5890) is an address like any other: it signs up, and its domain in
 * Unicode (U-label) and in ASCII (the xn-- A-label a mail server uses) name one mailbox, so one account.
 */
class InternationalDomainHttpTest
{
    private static final String PASSWORD = "correct-Horse-7-battery";
    private static final String UNICODE = "ann@b\u00fccher.example";
    private static final String ASCII = "ann@xn--bcher-kva.example";

    @TempDir
    Path dataDir;

    @Test
    void anAddressAtAnInternationalDomainSignsUpAndItsAsciiFormIsTheSameAccount()
    {
        try (TestGateway gateway = TestGateway.start(dataDir, UserClient.AUTH_YAML))
        {
            final UserClient people = new UserClient(gateway);
            final TestGateway.Reply made = people.signup(UNICODE, PASSWORD);
            assertEquals(201, made.status(), made.toString());
            assertEquals(UNICODE, made.json().path("user").path("email").asText());
            assertEquals(409, people.signup(ASCII, PASSWORD).status(), "one mailbox, one account");
            final TestGateway.Reply in = people.anonymous("POST", "/api/v1/auth/login",
                "{\"email\":\"" + ASCII + "\",\"password\":\"" + PASSWORD + "\"}");
            assertEquals(200, in.status(), "either form signs its owner in: " + in);
            assertEquals(made.json().path("user").path("id").asText(), in.json().path("user").path("id").asText());
            assertEquals(400, people.signup("ann@b\u00fccher..example", PASSWORD).status(), "an empty label is still malformed");
        }
    }
}
