package io.ordergate.mt5;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import io.ordergate.engine.command.BodyWriter;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.mt5.ea.EaBodies;

/**
 * Seed 002's commands are judged by the rules they were journaled with. An older compile's result that comes after a
 * newer compile of the same version was answered: today it leaves the version alone; journaled before its rules byte,
 * it set the version, and replays so. A poll for the next job: today a deployment's run waits for its unanswered
 * deploy; journaled before its rules byte, it was handed out, and replays so.
 */
class EaJournalRulesTest
{
    private static final byte[] SHA = new byte[32];

    private final Mt5Driver driver = new Mt5Driver();

    @Test
    void shouldLeaveTheVersionAloneTodayAndReplayAJournalFromBeforeAsItWasDecided()
    {
        twoCompilesTheNewerAnsweredFirst();
        lateFailure(true);
        assertEquals("compiled", versionStatus(), "the newer compile's outcome stands");
        assertEquals(driver.engine.stateDigest(), driver.replayed().engine.stateDigest());
    }

    @Test
    void shouldReplayAResultJournaledWithoutItsRulesByteAsItWasDecidedThen()
    {
        twoCompilesTheNewerAnsweredFirst();
        lateFailure(false);
        assertEquals("failed", versionStatus(), "a result journaled before: it set the version, as then");
        final Mt5Driver replayed = driver.replayed();
        assertEquals(driver.engine.stateDigest(), replayed.engine.stateDigest());
    }

    @Test
    void shouldHoldARunBehindItsDeployTodayAndReplayAPollJournaledWithoutItsRulesByteAsItWasDecidedThen()
    {
        twoCompilesTheNewerAnsweredFirst();
        apply(CommandType.CREATE_DEPLOYMENT, body -> EaBodies.deploy(body, "ver_1", "agt_1", "", "EURUSD"));
        assertEquals("job_3", nextJob(true), "the deploy");
        apply(CommandType.DEPLOYMENT_RUN, body -> EaBodies.id(body, "dep_1"));
        assertEquals(null, nextJob(true), "today the run waits for its deploy");
        assertEquals("job_4", nextJob(false), "a poll journaled before: the run handed out, as then");
        assertEquals(driver.engine.stateDigest(), driver.replayed().engine.stateDigest());
    }

    /** The job a poll hands out (null for none), with its rules byte or as journaled before it (the agent id alone). */
    private String nextJob(final boolean withRules)
    {
        final CommandEvent event = apply(CommandType.AGENT_NEXT_JOB, body ->
        {
            if (withRules)
            {
                EaBodies.nextJob(body, "agt_1");
            }
            else
            {
                EaBodies.id(body, "agt_1");
            }
        });
        return (String)Mt5Driver.json(event).get("job_id");
    }

    /** ver_1 compiled twice by agt_1 (job_1, job_2, both taken); job_2 completed with an EX5. */
    private void twoCompilesTheNewerAnsweredFirst()
    {
        apply(CommandType.PAIR_AGENT, body -> EaBodies.pairAgent(body, "agt_1", "A", SHA));
        apply(CommandType.CREATE_EA_PROJECT, body -> EaBodies.createProject(body, "P", ""));
        apply(CommandType.EA_GENERATE, body -> EaBodies.generate(body, "prj_1", SHA, 10, "P.mq5", "template", ""));
        apply(CommandType.EA_COMPILE, body -> EaBodies.compile(body, "ver_1", "agt_1"));
        apply(CommandType.EA_COMPILE, body -> EaBodies.compile(body, "ver_1", "agt_1"));
        nextJob(true);
        nextJob(true);
        apply(CommandType.AGENT_JOB_RESULT, body -> EaBodies.jobResult(body, "agt_1", "job_2", EaBodies.RESULT_COMPLETED, "built", true,
            SHA, 5, "P.ex5", "", new byte[0]));
    }

    /** job_1's failure, with its rules byte or as journaled before it (the body of today less its last byte). */
    private void lateFailure(final boolean withRules)
    {
        final CommandEvent scratch = new CommandEvent();
        final BodyWriter body = new BodyWriter().wrap(scratch.frame, CommandFrame.BODY_OFFSET);
        EaBodies.jobResult(body, "agt_1", "job_1", EaBodies.RESULT_FAILED, "failed", false, new byte[0], 0, "", "", new byte[0]);
        final byte[] bytes = new byte[withRules ? body.length() : body.length() - 1];
        scratch.frame.getBytes(CommandFrame.BODY_OFFSET, bytes);
        apply(CommandType.AGENT_JOB_RESULT, writer -> writer.putRaw(bytes, 0, bytes.length));
    }

    private String versionStatus()
    {
        final CommandEvent event = apply(CommandType.EA_ARTIFACTS, body -> EaBodies.id(body, "ver_1"));
        return (String)Mt5Driver.json(event).get("status");
    }

    private CommandEvent apply(final CommandType type, final Consumer<BodyWriter> encode)
    {
        final CommandEvent event = new CommandEvent();
        encode.accept(driver.begin(event, type));
        driver.finish(event);
        assertEquals(true, event.result == ResultCode.OK || event.result == ResultCode.CREATED || event.result == ResultCode.ACCEPTED,
            type + ": " + event.result + " " + event.resultMessage);
        return event;
    }
}
