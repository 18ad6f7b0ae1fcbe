package io.ordergate.engine.user;

import static io.ordergate.engine.user.UserDriver.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ordergate.config.ConfigLoader;
import io.ordergate.config.GatewayConfig;
import io.ordergate.engine.Engine;
import io.ordergate.engine.command.CommandBodies;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.pipeline.Replayer;
import io.ordergate.journal.Journal;

/**
 * A revoked key frees its row of the principal table ({@code max_keys + max_users} rows) for a later key, which gets a
 * principal number never given before: the old number reaches nothing, and the digest is what it was when revoked keys
 * kept their rows, so a journal written before replays to the same digest.
 */
class RevokedKeyRowReuseTest
{
    /** Three rows: one user and two keys. */
    private static final String THREE_ROWS = UserDriver.CONFIG.replace("max_keys: 16, max_users: 8",
        "max_keys: 2, max_users: 1, max_keys_per_user: 2, max_keys_made_per_user: 1000");
    private static final String ROOMY = UserDriver.CONFIG.replace("max_keys: 16", "max_keys: 64");

    @TempDir
    Path directory;

    @Test
    void keysMadeAndRevokedPastTheTableKeepWorkingAndTheirOldNumbersReachNothing()
    {
        final GatewayConfig small = ConfigLoader.parse(THREE_ROWS, "users");
        final UserDriver driver = new UserDriver(small, new Engine(small));
        expect(ResultCode.CREATED, driver.account("paper-1"));
        final int ann = (int)expect(ResultCode.CREATED, driver.createUser("u-1", "ann@example.com", Role.TRADER, List.of("paper-1"))).resultId;
        final int kept = (int)expect(ResultCode.CREATED, driver.createKey(ann, "og_kept", CommandBodies.SCOPE_READ, List.of("paper-1"))).resultId;
        final List<Integer> revoked = new ArrayList<>();
        int last = kept;
        for (int i = 0; i < 9; i++)
        {
            // a user's keys and the system's (an admin's) alike: one row left, taken and freed again and again
            final int maker = i % 2 == 0 ? ann : CommandFrame.PRINCIPAL_SYSTEM;
            final String apiKey = "og_turn" + i;
            final int key = (int)expect(ResultCode.CREATED, driver.createKey(maker, apiKey, CommandBodies.SCOPE_READ, List.of("paper-1"))).resultId;
            assertTrue(key > last, "a new key gets a number never given before: " + key + " after " + last);
            last = key;
            expect(ResultCode.OK, driver.getAccount(key, "paper-1"));
            for (final int old : revoked)
            {
                expect(ResultCode.NOT_FOUND, driver.getAccount(old, "paper-1"));
            }
            assertEquals(key, expect(ResultCode.OK, driver.send(maker, CommandType.REVOKE_KEY, w -> UserBodies.revokeKey(w, apiKey))).resultId);
            expect(ResultCode.NOT_FOUND, driver.getAccount(key, "paper-1"));
            expect(ResultCode.NOT_FOUND, driver.send(maker, CommandType.REVOKE_KEY, w -> UserBodies.revokeKey(w, apiKey)));
            revoked.add(key);
        }
        expect(ResultCode.OK, driver.getAccount(kept, "paper-1"));

        // every row held by something working: the table is full, until a revoke frees one
        expect(ResultCode.CREATED, driver.createKey(ann, "og_last", CommandBodies.SCOPE_READ, List.of("paper-1")));
        final CommandEvent full = expect(ResultCode.CONFLICT,
            driver.createKey(CommandFrame.PRINCIPAL_SYSTEM, "og_more", CommandBodies.SCOPE_READ, List.of("paper-1")));
        assertTrue(full.resultMessage.contains("engine.max_keys"), full.resultMessage);
        expect(ResultCode.OK, driver.send(ann, CommandType.REVOKE_KEY, w -> UserBodies.revokeKey(w, "og_last")));
        final int more = (int)expect(ResultCode.CREATED,
            driver.createKey(CommandFrame.PRINCIPAL_SYSTEM, "og_more", CommandBodies.SCOPE_READ, List.of("paper-1"))).resultId;
        expect(ResultCode.OK, driver.getAccount(more, "paper-1"));
        expect(ResultCode.OK, driver.getAccount(kept, "paper-1"));
    }

    @Test
    void freeingRevokedKeysLeavesTheDigestAsWhenTheyKeptTheirRowsAndReplaysTheSame()
    {
        final GatewayConfig roomy = ConfigLoader.parse(ROOMY, "users");
        try (Journal journal = Journal.open(directory))
        {
            final UserDriver keeping = new UserDriver(roomy, new Engine(roomy));
            final UserDriver freeing = new UserDriver(roomy, new Engine(roomy)).journalTo(journal.appender());
            final List<Long> kept = script(keeping, CommandBodies.KEY_RULES_WORKING_KEYS);
            final List<Long> freed = script(freeing, CommandBodies.KEY_RULES_FREE_REVOKED);
            assertEquals(kept, freed, "the same principals, by either rule");
            assertEquals(keeping.engine.stateDigest(), freeing.engine.stateDigest(), "freed rows fold into the digest as they were");

            final Engine replayed = new Engine(roomy);
            Replayer.replay(journal, replayed, (event, sequence, endOfBatch) -> { });
            assertEquals(freeing.engine.stateDigest(), replayed.stateDigest());
        }
    }

    /**
     * Keys made and revoked so that freed rows come first, between working ones and last; the first three keys are journaled
     * by the old rule (revoked keys keep their rows) whatever {@code rules} is, so the later ones free them all at once.
     */
    private static List<Long> script(final UserDriver driver, final int rules)
    {
        final List<Long> results = new ArrayList<>();
        results.add(expect(ResultCode.CREATED, driver.account("paper-1")).resultId);
        final int ann = (int)expect(ResultCode.CREATED, driver.createUser("u-1", "ann@example.com", Role.TRADER, List.of("paper-1"))).resultId;
        for (int i = 0; i < 8; i++)
        {
            final int maker = i % 3 == 0 ? CommandFrame.PRINCIPAL_SYSTEM : ann;
            final String apiKey = "og_" + i;
            final int rule = i < 3 ? CommandBodies.KEY_RULES_WORKING_KEYS : rules;
            results.add(expect(ResultCode.CREATED, driver.send(maker, CommandType.CREATE_KEY, w -> w.putString(apiKey).putBytes(new byte[32], 0, 32)
                .putByte(CommandBodies.SCOPE_READ).putInt(1).putString("paper-1").putByte(rule))).resultId);
            if (i == 0 || i == 2 || i == 5 || i == 7)
            {
                results.add(expect(ResultCode.OK, driver.send(maker, CommandType.REVOKE_KEY, w -> UserBodies.revokeKey(w, apiKey))).resultId);
            }
        }
        results.add(expect(ResultCode.OK, driver.send(ann, CommandType.REVOKE_KEY, w -> UserBodies.revokeKey(w, "og_4"))).resultId);
        return results;
    }
}
