package io.ordergate.engine.user;

import static io.ordergate.engine.user.UserDriver.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ordergate.engine.Engine;
import io.ordergate.engine.command.CommandBodies;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.pipeline.Replayer;
import io.ordergate.engine.snapshot.SnapshotRoundTrip;
import io.ordergate.journal.Journal;

/**
 * Users, sessions, revocations and onboarding come back identical from the journal (a real Chronicle Queue) and from a
 * snapshot.
 */
class UserReplayTest
{
    private static final String RESET_HASH = "d".repeat(64);

    @TempDir
    Path directory;

    @Test
    void replayRebuildsUsersSessionsAndRevocationsToTheSameDigest()
    {
        try (Journal journal = Journal.open(directory))
        {
            final UserDriver a = new UserDriver().journalTo(journal.appender());
            final long empty = a.engine.stateDigest();
            expect(ResultCode.CREATED, a.account("paper-1"));
            final int ann = (int)expect(ResultCode.CREATED, a.signup("u-1", "ann@example.com", Role.TRADER)).resultId;
            expect(ResultCode.CREATED, a.createUser("u-2", "bob@example.com", Role.VIEWER, List.of("paper-1")));
            expect(ResultCode.CREATED, a.login("s-1", "u-1", 0));
            expect(ResultCode.CREATED, a.login("s-2", "u-1", 0));
            expect(ResultCode.OK, a.refresh("s-1", 0));
            expect(ResultCode.INVALID_JWT, a.refresh("s-1", 0));
            expect(ResultCode.CREATED, a.send(ann, CommandType.CONNECT_BROKER, w -> UserBodies.connectBroker(w, "bc-1", "B", "1",
                UserBodies.ACCOUNT_TYPE_LIVE, "L", "USD", 0, 100)));
            expect(ResultCode.CREATED, a.createKey(ann, "og_ann", CommandBodies.SCOPE_TRADE, List.of("bc-1")));
            expect(ResultCode.OK, a.send(ann, CommandType.REVOKE_KEY, w -> UserBodies.revokeKey(w, "og_ann")));
            expect(ResultCode.OK, a.send(CommandFrame.PRINCIPAL_SYSTEM, CommandType.UPDATE_USER,
                w -> UserBodies.updateUser(w, "u-2", UserBodies.UPDATE_ROLE, Role.EXPORTER, false, "", List.of())));
            // a reset asked for before a disable stays dead after the re-enable, on replay too
            expect(ResultCode.OK, a.send(CommandFrame.PRINCIPAL_ANONYMOUS, CommandType.ISSUE_PASSWORD_RESET,
                w -> UserBodies.issuePasswordReset(w, "u-2", RESET_HASH, a.now + 60_000_000)));
            expect(ResultCode.OK, a.send(CommandFrame.PRINCIPAL_SYSTEM, CommandType.UPDATE_USER,
                w -> UserBodies.updateUser(w, "u-2", UserBodies.UPDATE_DISABLED, null, true, "", List.of())));
            expect(ResultCode.OK, a.send(CommandFrame.PRINCIPAL_SYSTEM, CommandType.UPDATE_USER,
                w -> UserBodies.updateUser(w, "u-2", UserBodies.UPDATE_DISABLED, null, false, "", List.of())));
            final long digest = a.engine.stateDigest();
            assertNotEquals(empty, digest);

            final Engine b = new Engine(a.config);
            Replayer.replay(journal, b, (event, sequence, endOfBatch) -> { });
            assertEquals(digest, b.stateDigest());
            // and from a snapshot (the cluster's restart): the same digest, the same bytes written again
            final Engine c = new Engine(a.config);
            assertEquals(digest, SnapshotRoundTrip.check(a.engine, c));

            // the replayed and the restored engine remember the revoked session, the rotation, the revoked key and the new role
            for (final Engine restarted : List.of(b, c))
            {
                final UserDriver on = new UserDriver(a.config, restarted);
                on.now = a.now;
                expect(ResultCode.INVALID_JWT, on.refresh("s-1", 1));
                expect(ResultCode.OK, on.refresh("s-2", 0));
                expect(ResultCode.INVALID_JWT, on.refresh("s-2", 0));
                expect(ResultCode.NOT_FOUND, on.send(ann, CommandType.REVOKE_KEY, w -> UserBodies.revokeKey(w, "og_ann")));
                expect(ResultCode.CONFLICT, on.signup("u-3", "ann@example.com", Role.TRADER));
                expect(ResultCode.OK, on.getAccount(ann, "bc-1"));
                expect(ResultCode.VALIDATION_ERROR, on.send(CommandFrame.PRINCIPAL_ANONYMOUS, CommandType.COMPLETE_PASSWORD_RESET,
                    w -> UserBodies.completePasswordReset(w, RESET_HASH, "$argon2id$new")));
            }
        }
    }
}
