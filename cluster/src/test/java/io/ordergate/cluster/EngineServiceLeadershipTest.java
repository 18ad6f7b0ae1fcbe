package io.ordergate.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import io.aeron.cluster.service.Cluster;

import io.ordergate.config.ConfigLoader;
import io.ordergate.engine.Engine;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.pipeline.ResultHandler;

/**
 * The service acts as the leader (its reply stage leads: exchange links, webhooks; the gateway resumes the venues) only
 * while Aeron calls it the leader AND its election is over, as the consensus module's counters say. Aeron tells the
 * service "leader" when the election enters its leader phases, and a member elected with the vote of a follower that
 * then stops waits there for good, taking no command, while the members left may elect another: until 2026-12-05 that
 * member acted as the leader all the while (and {@code /health} said "leader"), so two members could both send to the
 * exchanges and webhooks. The counters are a stand-in here ({@code electionWon}); a real cluster reaches that state only
 * by a race of Aeron's (ClusterMajorityLossTest, TestCluster.loseTheMajorityWithACommandOffered).
 */
class EngineServiceLeadershipTest
{
    private final AtomicBoolean electionWon = new AtomicBoolean();
    private final List<Boolean> replyStage = new ArrayList<>();
    private final List<Boolean> resumes = new ArrayList<>();
    private final EngineService service = new EngineService(new Engine(ConfigLoader.parse(TestCluster.CONFIG, "leadership-test")),
        new ResultHandler()
        {
            @Override
            public void onResult(final CommandEvent event, final long sequence, final boolean endOfBatch)
            {
            }

            @Override
            public void leading(final boolean leading)
            {
                replyStage.add(leading);
            }
        }, resumes::add, 10_000, electionWon::get);

    @Test
    void aMemberAeronCallsTheLeaderDoesNotLeadUntilItsElectionIsOver()
    {
        service.onRoleChange(Cluster.Role.LEADER);
        service.doBackgroundWork(1);
        assertFalse(service.isLeader(), "elected, its election not over (LEADER_READY waiting for a follower): not the leader");
        assertEquals(List.of(), replyStage, "its reply stage does not lead");
        assertEquals(List.of(), resumes, "nor does it resume the venues");

        electionWon.set(true);
        service.doBackgroundWork(2);
        assertTrue(service.isLeader(), "the election over: the leader");
        assertEquals(List.of(true), replyStage);
        assertEquals(List.of(true), resumes);
    }

    @Test
    void aLeaderThatEntersAnElectionStopsLeadingThoughAeronStillCallsItTheLeader()
    {
        electionWon.set(true);
        service.onRoleChange(Cluster.Role.LEADER);
        assertTrue(service.isLeader());

        electionWon.set(false);  // lost its followers, or re-elected and waiting for one that stopped
        service.doBackgroundWork(1);
        assertFalse(service.isLeader(), "in an election: not the leader, whatever Aeron's role");
        assertEquals(List.of(true, false), replyStage, "its reply stage stops leading (exchange links close, webhooks stop)");
        assertEquals(List.of(true, false), resumes);

        electionWon.set(true);
        service.doBackgroundWork(2);
        assertEquals(List.of(true, false, true), replyStage, "the election won again: it leads, and resumes as a new leader does");
        service.onRoleChange(Cluster.Role.FOLLOWER);
        assertFalse(service.isLeader());
        assertEquals(List.of(true, false, true, false), resumes);
    }
}
