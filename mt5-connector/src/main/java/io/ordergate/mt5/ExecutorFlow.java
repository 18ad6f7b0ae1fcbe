package io.ordergate.mt5;

import io.ordergate.config.VenueKind;
import io.ordergate.engine.EngineContext;
import io.ordergate.engine.account.Account;
import io.ordergate.engine.command.AsciiView;
import io.ordergate.engine.command.BodyReader;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.view.JsonWriter;

/**
 * Executor registration, heartbeats, admin control commands, reads, and the re-push of pending commands when an
 * executor's socket connects. Registration and control commands are admin paths and may allocate; heartbeats do
 * not. <b>Not thread safe</b>: owned by the engine thread.
 */
final class ExecutorFlow
{
    private final EngineContext context;
    private final Executors executors;
    private final CommandQueue queue;
    private final CommandAdmission admission;
    private final long offlineAfterMicros;
    private final BodyReader reader = new BodyReader();
    private final AsciiView text = new AsciiView();
    private final AsciiView raw = new AsciiView();
    private final SyncPages pages;
    private final SyncPages.Cursor cursor = new SyncPages.Cursor();

    ExecutorFlow(final EngineContext context, final Executors executors, final CommandQueue queue, final CommandAdmission admission)
    {
        this.context = context;
        this.executors = executors;
        this.queue = queue;
        this.admission = admission;
        this.pages = new SyncPages(queue);
        this.offlineAfterMicros = context.config().executors().offlineAfterSeconds() * 1_000_000L;
    }

    /** CREATE_EXECUTOR: registers an executor for an existing mt5 account; answers the executor (the gateway adds the secret). */
    void create(final CommandEvent event)
    {
        if (!context.principals().requireAdmin(event))
        {
            return;
        }
        reader.wrap(event.frame, CommandFrame.BODY_OFFSET);
        final String executorId = reader.readString(text).toString();
        final String name = reader.readString(text).toString();
        final String platform = reader.readString(text).toString();
        final Account account = context.accounts().find(reader.readString(text));
        final String apiKey = reader.readString(text).toString();
        if (account == null || account.venue != VenueKind.MT5.code())
        {
            event.reject(ResultCode.VALIDATION_ERROR, "account_id must name an existing mt5 account", "account_id");
            return;
        }
        if (executors.find(executorId) != null)
        {
            event.reject(ResultCode.CONFLICT, "an executor with this executor_id exists", "executor_id");
            return;
        }
        if (executors.forAccount(account.index) != null)
        {
            event.reject(ResultCode.CONFLICT, "the account already has an executor", "account_id");
            return;
        }
        if (executors.isFull())
        {
            event.reject(ResultCode.CONFLICT, "the executor table is full (engine.max_accounts)", null);
            return;
        }
        final Executor executor = executors.add(executorId, name, platform, account.index, account.id, event.wallMicros());
        event.resultId = executor.index;
        final JsonWriter json = context.beginJson(event).startObject();
        writeFields(executor, event.wallMicros(), json);
        json.name("api_key").string(apiKey);
        json.endObject();
        context.endJson(event);
        event.result = ResultCode.CREATED;
    }

    /** EXECUTOR_HEARTBEAT: keeps the executor online, records its metadata, answers seed 000's heartbeat body. */
    void heartbeat(final CommandEvent event)
    {
        reader.wrap(event.frame, CommandFrame.BODY_OFFSET);
        final Executor executor = executors.find(reader.readString(text));
        if (executor == null)
        {
            event.reject(ResultCode.EXECUTOR_NOT_FOUND, "Executor not found", null);
            return;
        }
        final long now = event.wallMicros();
        reader.readString(text);  // status: the executor's word, shown as sent in metadata; online is ours to decide
        final int flags = reader.readInt();
        final long balance = reader.readLong();
        final long equity = reader.readLong();
        final long openPositions = reader.readLong();
        reader.readString(raw);

        executor.lastHeartbeatMicros = now;
        // An agent serves no account; a deleted account's executor none any more (its balance must not reach the account
        // made again under the id, whose performance record is kept by id): it stays online and moves no balance.
        final Account account = executor.accountIndex >= 0 && !executor.accountDeleted(context.accounts())
            ? context.accounts().get(executor.accountIndex) : null;
        final long balanceBefore = account == null ? 0 : account.balance;
        final long equityBefore = account == null ? 0 : account.venueEquity;
        if ((flags & ExecutorBodies.HEARTBEAT_BALANCE) != 0 && account != null)
        {
            executor.balance = balance;
            account.balance = Mt5Book.rounded(balance, ReportedMoney.DIGITS);
        }
        if ((flags & ExecutorBodies.HEARTBEAT_EQUITY) != 0 && account != null)
        {
            executor.equity = equity;
            account.venueEquity = Mt5Book.rounded(equity, ReportedMoney.DIGITS);
        }
        if ((flags & ExecutorBodies.HEARTBEAT_OPEN_POSITIONS) != 0)
        {
            executor.openPositions = openPositions;
        }
        if (account != null && (account.balance != balanceBefore || account.venueEquity != equityBefore))
        {
            context.changes().account(account);  // only a move: most heartbeats report what is already known
        }
        if (raw.length() > 0 && raw.length() <= ExecutorBodies.MAX_RAW_JSON)
        {
            executor.metadata.putBytes(0, raw.buffer(), raw.offset(), raw.length());
            executor.metadataLength = raw.length();
        }

        final JsonWriter json = context.beginJson(event).startObject();
        json.name("success").bool(true);
        json.name("executor").startObject();
        json.name("id").string(executor.id);
        json.name("name").string(executor.name);
        json.name("status").string("online");
        json.name("lastHeartbeat").time(now);
        json.endObject();
        json.name("pendingCommands");
        queue.writePending(executor, json, true);
        json.name("timestamp").time(now);
        json.endObject();
        context.endJson(event);
        event.result = ResultCode.OK;
    }

    /**
     * EXECUTOR_COMMAND (admin): queues a control command and pushes it; answers 201 the command. An offline executor
     * may be sent one (seed 000: it takes it with its next heartbeat), but no more than {@code executors.max_pending_commands}
     * wait for it: a dead executor holds a bounded number of commands.
     */
    void command(final CommandEvent event)
    {
        if (!context.principals().requireAdmin(event))
        {
            return;
        }
        reader.wrap(event.frame, CommandFrame.BODY_OFFSET);
        final Executor executor = executors.find(reader.readString(text));
        if (executor == null)
        {
            event.reject(ResultCode.EXECUTOR_NOT_FOUND, "Executor not found", "executor_id");
            return;
        }
        final ExecutorCommandType type = ExecutorCommandType.fromCode(reader.readByte());
        final CommandPriority priority = CommandPriority.fromOrdinal(reader.readByte());
        reader.readString(raw);
        if (type == null || !type.isControl())
        {
            event.reject(ResultCode.VALIDATION_ERROR,
                "command must be one of GET_STATUS, PAUSE, RESUME, STOP_ALL, CLOSE_ALL_POSITIONS, RESTART", "command");
            return;
        }
        if (priority == null)
        {
            event.reject(ResultCode.VALIDATION_ERROR, "priority must be one of URGENT, HIGH, NORMAL, LOW", "priority");
            return;
        }
        if (admission.isBusy(executor))
        {
            event.reject(ResultCode.EXECUTOR_BUSY, null, null);
            return;
        }
        if (!queue.commands().canAllocate())
        {
            event.reject(ResultCode.CONFLICT, "the executor command table is full of pending commands (engine.max_executor_commands)", null);
            return;
        }
        final ExecutorCommand command = queue.start(executor, type, priority, 0, event.wallMicros());
        if (raw.length() > 0)
        {
            queue.parameters(command, raw.buffer(), raw.offset(), raw.length());
        }
        queue.enqueue(executor, command, event);
        final JsonWriter json = context.beginJson(event);
        writeAdminCommand(executor, command, json);
        context.endJson(event);
        event.result = ResultCode.CREATED;
    }

    /** GET_EXECUTOR: the executor with its pending commands. */
    void get(final CommandEvent event)
    {
        final Executor executor = executors.find(reader.wrap(event.frame, CommandFrame.BODY_OFFSET).readString(text));
        if (executor == null || !visible(event.principal(), executor))
        {
            event.reject(ResultCode.EXECUTOR_NOT_FOUND, "executor not found", "executor_id");
            return;
        }
        final JsonWriter json = context.beginJson(event).startObject();
        writeFields(executor, event.wallMicros(), json);
        json.name("pending_commands");
        queue.writePending(executor, json, false);
        json.endObject();
        context.endJson(event);
        event.result = ResultCode.OK;
    }

    /** LIST_EXECUTORS: every executor whose account the principal may see, in registration order. */
    void list(final CommandEvent event)
    {
        final JsonWriter json = context.beginJson(event).startObject().name("executors").startArray();
        for (int i = 0; i < executors.count(); i++)
        {
            final Executor executor = executors.get(i);
            if (visible(event.principal(), executor))
            {
                json.startObject();
                writeFields(executor, event.wallMicros(), json);
                json.endObject();
            }
        }
        json.endArray().endObject();
        context.endJson(event);
        event.result = ResultCode.OK;
    }

    /**
     * EXECUTOR_SYNC: one page of a (re)connected socket's backlog into the outbox ({@link SyncPages}), within the
     * bytes the request allows. The first request names only the executor (and the page bytes); the answer's cursor
     * ({@code priority}, {@code after}, {@code up_to}) is what the socket sends back for the next page, once it has
     * drained this one, until {@code done}.
     */
    void sync(final CommandEvent event)
    {
        reader.wrap(event.frame, CommandFrame.BODY_OFFSET);
        final Executor executor = executors.find(reader.readString(text));
        if (executor == null)
        {
            event.reject(ResultCode.EXECUTOR_NOT_FOUND, "Executor not found", null);
            return;
        }
        if (event.frameLength() - reader.position() >= ExecutorBodies.SYNC_CURSOR_LENGTH)
        {
            final int priority = reader.readByte();
            final long after = reader.readLong();
            final long upTo = reader.readLong();
            cursor.set(priority, after, upTo, pageBytes(event));
        }
        else
        {
            cursor.set(0, 0, queue.commands().nextSeq() - 1, pageBytes(event));
        }
        final int pushed = pages.push(executor, event, cursor);
        final JsonWriter json = context.beginJson(event).startObject();
        json.name("type").string("sync");
        json.name("pushed").number(pushed);
        json.name("done").bool(cursor.done);
        json.name("priority").number(cursor.priority);
        json.name("after").number(cursor.after);
        json.name("up_to").number(cursor.upTo);
        json.endObject();
        context.endJson(event);
        event.resultId = executor.index;
        event.result = ResultCode.OK;
    }

    /** The sync request's bound on a page's bytes, when it ends with one (a socket's, from its queued-bytes bound). */
    private int pageBytes(final CommandEvent event)
    {
        return event.frameLength() - reader.position() >= Integer.BYTES
            ? Math.max(1, reader.readInt())
            : SyncPages.DEFAULT_PAGE_BYTES;
    }

    /** An account's executor to whoever may see the account; an agent to an admin (its owner lists it at /api/v1/agents). */
    private boolean visible(final int principal, final Executor executor)
    {
        return executor.accountIndex >= 0 ? context.principals().canAccess(principal, executor.accountIndex) : context.principals().isAdmin(principal);
    }

    private void writeFields(final Executor executor, final long nowMicros, final JsonWriter json)
    {
        json.name("executor_id").string(executor.id);
        json.name("name").string(executor.name);
        json.name("platform").string(executor.platform);
        json.name("account_id").string(executor.accountId);
        // The id alone would pass the executor off as serving an account made again under it (a new account): it serves none.
        json.name("account_deleted").bool(executor.accountDeleted(context.accounts()));
        json.name("status").string(executor.isOnline(nowMicros, offlineAfterMicros) ? "online" : "offline");
        json.name("last_heartbeat").time(executor.lastHeartbeatMicros);
        json.name("metadata");
        if (executor.metadataLength == 0)
        {
            json.nullValue();
        }
        else
        {
            json.raw(executor.metadata, 0, executor.metadataLength);
        }
        json.name("account_balance").decimalOrNull(executor.balance, io.ordergate.engine.command.NewOrderBody.WIRE_DIGITS, Executor.NONE);
        json.name("account_equity").decimalOrNull(executor.equity, io.ordergate.engine.command.NewOrderBody.WIRE_DIGITS, Executor.NONE);
        json.name("open_positions");
        if (executor.openPositions == Executor.NONE)
        {
            json.nullValue();
        }
        else
        {
            json.number(executor.openPositions);
        }
        json.name("pending_command_count").number(executor.pendingCount());
        json.name("created_at").time(executor.createdAtMicros);
    }

    private static void writeAdminCommand(final Executor executor, final ExecutorCommand command, final JsonWriter json)
    {
        json.startObject();
        json.name("command_id").string(command.idPrefix, command.idNumber, command.idEpoch);
        json.name("executor_id").string(executor.id);
        json.name("command").string(command.type.name());
        json.name("parameters");
        if (command.parametersLength == 0)
        {
            json.startObject().endObject();
        }
        else
        {
            json.raw(command.parameters, command.parametersOffset, command.parametersLength);
        }
        json.name("priority").string(command.priority.name());
        json.name("status").string(command.status.wireName());
        json.name("created_at").time(command.createdAtMicros);
        json.endObject();
    }
}
