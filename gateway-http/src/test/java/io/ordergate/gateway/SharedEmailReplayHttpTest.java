package io.ordergate.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ordergate.engine.command.BodyWriter;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.user.Role;
import io.ordergate.engine.user.UserBodies;
import io.ordergate.gateway.users.PasswordHasher;
import io.ordergate.journal.Journal;

/**
 * A journal from before emails were normalised may hold two signups of one address in two Unicode forms, which the
 * engine took (and on replay still takes) as two users. Replayed, each account stays reachable by its id, and a login by
 * that address signs in the account the password opens, in whatever form the address comes: never silently the other
 * one; a password that opens both is refused with a clear 409 rather than guessed.
 */
class SharedEmailReplayHttpTest
{
    private static final String COMPOSED = "jos\u00e9@example.com";
    private static final String DECOMPOSED = "jose\u0301@example.com";
    private static final String MARIA = "mar\u00eda@example.com";
    private static final String MARIA_DECOMPOSED = "mari\u0301a@example.com";
    private static final String FIRSTS = "the-firsts-Horse-7-battery";
    private static final String SECONDS = "the-seconds-Horse-8-staple";

    @TempDir
    Path dataDir;

    @Test
    void bothAccountsOfAnEmailJournaledInTwoUnicodeFormsAreReachedAndTheirPasswordsTellThemApart()
    {
        try (TestGateway gateway = TestGateway.start(dataDir, UserClient.AUTH_YAML))
        {
            assertEquals(0, gateway.gateway().users().directory().size());
        }
        try (PasswordHasher hasher = new PasswordHasher(1024, 1, 1); Journal journal = Journal.open(dataDir.resolve("journal")))
        {
            // as a gateway before the normalisation journaled them: the email and the default username as typed
            oldSignup(journal, "u-first", COMPOSED, hasher.hash(FIRSTS));
            oldSignup(journal, "u-second", DECOMPOSED, hasher.hash(SECONDS));
            oldSignup(journal, "u-maria-1", MARIA, hasher.hash(FIRSTS));
            oldSignup(journal, "u-maria-2", MARIA_DECOMPOSED, hasher.hash(FIRSTS));
        }
        try (TestGateway gateway = TestGateway.start(dataDir, UserClient.AUTH_YAML))
        {
            final UserClient people = new UserClient(gateway);
            for (int run = 0; run < 2; run++)
            {
                assertEquals(COMPOSED, gateway.get("/api/v1/users/u-first").text("email"), "each account by its id");
                assertEquals(DECOMPOSED, gateway.get("/api/v1/users/u-second").text("email"));
                for (final String email : List.of(COMPOSED, DECOMPOSED))
                {
                    assertEquals("u-first", signedIn(people.login(email, FIRSTS)), email);
                    assertEquals("u-second", signedIn(people.login(email, SECONDS)), "not silently the older account: " + email);
                    assertEquals(401, people.login(email, "a-wrong-Horse-9-staple").status());
                }
                assertEquals(409, people.signup(DECOMPOSED, SECONDS).status(), "no third account");
                gateway.restart();
            }

            final TestGateway.Reply both = people.login(MARIA, FIRSTS);
            assertEquals(409, both.status(), both.toString());
            assertEquals("CONFLICT", both.json().path("error").path("code").asText(), both.toString());
            assertTrue(both.json().path("error").path("message").asText().contains("two accounts"), both.toString());
            assertEquals(200, gateway.send("PATCH", "/api/v1/users/u-maria-2", "{\"disabled\":true}", TestGateway.ADMIN).status());
            assertEquals("u-maria-1", signedIn(people.login(MARIA_DECOMPOSED, FIRSTS)), "an admin disabling one settles it");
        }
    }

    private static String signedIn(final TestGateway.Reply login)
    {
        assertEquals(200, login.status(), login.toString());
        return login.json().path("user").path("id").asText();
    }

    private static void oldSignup(final Journal journal, final String userId, final String email, final String hash)
    {
        final CommandEvent event = new CommandEvent();
        event.reset(CommandType.CREATE_USER);
        event.header(CommandFrame.PRINCIPAL_ANONYMOUS, System.currentTimeMillis() * 1000, 1, CommandFrame.SOURCE_HTTP);
        final BodyWriter writer = new BodyWriter().wrap(event.frame, CommandFrame.BODY_OFFSET);
        UserBodies.createUser(writer, userId, email, email, "N", Role.TRADER, hash, List.of());
        event.bodyLength(writer.length());
        journal.appender().append(event.frame, 0, event.frameLength());
    }
}
