package io.ordergate.mt5;

import java.nio.charset.StandardCharsets;

import org.agrona.concurrent.UnsafeBuffer;

import io.ordergate.engine.account.Accounts;
import io.ordergate.engine.view.JsonWriter;

/**
 * One registered executor: who it is, which mt5 account it serves, what its last heartbeat said, and the heads of
 * its pending-command lists, one per priority. <b>Not thread safe</b>: owned by the engine thread.
 */
public final class Executor
{
    public static final long NONE = Long.MIN_VALUE;

    public final int index;
    public final String id;
    public final byte[] idBytes;
    public final String name;
    public final String platform;
    public final int accountIndex;
    public final String accountId;
    public final long createdAtMicros;
    /** Paired by a user as seed 002's agent (it serves no account, takes EA jobs); false for an account's executor. */
    public final boolean agent;
    /** Who paired the agent (a user, or the key that did), or -1 for an account's executor. */
    public final int ownerPrincipal;

    /** Wall micros of the last heartbeat command, or 0 for never. */
    public long lastHeartbeatMicros;
    public String lastStatus;
    /** From the last heartbeat's metadata, exactly (wire digits), or {@link #NONE}. */
    public long balance = NONE;
    public long equity = NONE;
    public long openPositions = NONE;
    /** The last heartbeat's metadata object as sent, for display; bounded by {@link ExecutorBodies#MAX_RAW_JSON}. */
    public final UnsafeBuffer metadata = new UnsafeBuffer(new byte[ExecutorBodies.MAX_RAW_JSON]);
    public int metadataLength;

    /** Pending commands per priority ordinal: slot indexes into {@link ExecutorCommands}, -1 when empty. */
    final int[] pendingHead = new int[CommandPriority.values().length];
    final int[] pendingTail = new int[CommandPriority.values().length];
    int pendingCount;

    Executor(
        final int index, final String id, final String name, final String platform, final int accountIndex,
        final String accountId, final long createdAtMicros, final int ownerPrincipal)
    {
        this.agent = ownerPrincipal >= 0;
        this.ownerPrincipal = ownerPrincipal;
        this.index = index;
        this.id = id;
        this.idBytes = id.getBytes(StandardCharsets.UTF_8);
        this.name = name;
        this.platform = platform;
        this.accountIndex = accountIndex;
        this.accountId = accountId;
        this.createdAtMicros = createdAtMicros;
        java.util.Arrays.fill(pendingHead, -1);
        java.util.Arrays.fill(pendingTail, -1);
    }

    public int pendingCount()
    {
        return pendingCount;
    }

    /** Online when the last heartbeat is less than {@code offlineAfterMicros} before {@code nowMicros} (the command's time). */
    public boolean isOnline(final long nowMicros, final long offlineAfterMicros)
    {
        return lastHeartbeatMicros != 0 && nowMicros - lastHeartbeatMicros < offlineAfterMicros;
    }

    /**
     * Whether the account this executor was made for was deleted since; false for an agent, which serves none. The
     * heartbeat, trade reports, command results and the executor's view all ask this one question: see {@link #isDeleted}.
     */
    boolean accountDeleted(final Accounts accounts)
    {
        return isDeleted(accounts, accountIndex);
    }

    /**
     * Whether the account in slot {@code accountIndex} (-1: none) was deleted. Nothing an executor reports for it may be
     * booked there any more: an account made again under its id is a new account (a new slot) whose performance record is
     * kept by id, so what lands on the old slot would reach it. Allocates nothing.
     */
    static boolean isDeleted(final Accounts accounts, final int accountIndex)
    {
        return accountIndex >= 0 && accounts.isRemoved(accountIndex);
    }

    /**
     * Members of a connection's health (group metrics): {@code executor_id}, {@code status} {@code online|offline} by the
     * heartbeats at {@code nowMicros}, {@code last_heartbeat}, {@code pending_commands}; {@code status} {@code
     * no_executor} when none serves the account.
     */
    static void writeHealth(final Executor executor, final long nowMicros, final long offlineAfterMicros, final JsonWriter json)
    {
        if (executor == null)
        {
            json.name("channel").string("executor").name("status").string("no_executor");
            return;
        }
        json.name("channel").string("executor").name("executor_id").string(executor.id)
            .name("status").string(executor.isOnline(nowMicros, offlineAfterMicros) ? "online" : "offline").name("last_heartbeat");
        if (executor.lastHeartbeatMicros == 0)
        {
            json.nullValue();
        }
        else
        {
            json.time(executor.lastHeartbeatMicros);
        }
        json.name("pending_commands").number(executor.pendingCount());
    }
}
