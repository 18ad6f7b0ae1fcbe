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
 * Seed 004 on the engine thread: connect by investor password, test a connection, sync the closed deals, disconnect,
 * and the reads of a connection's status and of an operation's outcome. Each request becomes a command for the
 * account's executor ({@code CONNECT_INVESTOR}, {@code TEST_CONNECTION}, {@code SYNC_HISTORY} pages,
 * {@code DISCONNECT_INVESTOR}) carrying the password sealed; the executor's results settle it
 * ({@link InvestorResults}). These are rare admin-like paths: they may allocate.
 * <b>Not thread safe</b>: owned by the engine thread.
 */
final class InvestorFlow
{
    private final EngineContext context;
    private final Executors executors;
    private final CommandQueue queue;
    private final InvestorLink[] links;
    private final InvestorOps ops;
    private final CommandAdmission admission;
    private final long offlineAfterMicros;
    private final BodyReader reader = new BodyReader();
    private final AsciiView text = new AsciiView();

    InvestorFlow(final EngineContext context, final Executors executors, final CommandQueue queue, final InvestorLink[] links, final InvestorOps ops,
        final CommandAdmission admission)
    {
        this.admission = admission;
        this.context = context;
        this.executors = executors;
        this.queue = queue;
        this.links = links;
        this.ops = ops;
        this.offlineAfterMicros = context.config().executors().offlineAfterSeconds() * 1_000_000L;
    }

    /** INVESTOR_CONNECT: checks the account and its executor, keeps the sealed password, sends CONNECT_INVESTOR. */
    void connect(final CommandEvent event)
    {
        reader.wrap(event.frame, CommandFrame.BODY_OFFSET);
        final Account account = account(event, reader.readString(text));
        final long login = reader.readLong();
        final String server = reader.readString(text).toString();
        final String sealed = reader.readString(text).toString();
        final String sealContext = reader.readString(text).toString();
        if (account == null || !context.principals().requireTrade(event))
        {
            return;
        }
        final InvestorLink link = links[account.index];
        if (link.pendingOp != 0)
        {
            event.reject(ResultCode.CONFLICT, "a connect or sync of this account is still waiting for its terminal", "tradingAccountId");
            return;
        }
        final Executor executor = onlineExecutor(event, account);
        if (executor == null || !canSend(event, executor))
        {
            return;
        }
        final InvestorOp op = ops.start(InvestorOp.CONNECT);
        op.accountIndex = account.index;
        op.accountId = account.id;
        op.principal = event.principal();
        link.exists = true;
        link.executorIndex = executor.index;
        link.login = login;
        link.server = server;
        link.sealed = sealed;
        link.sealContext = sealContext;
        link.pendingOp = op.id;
        send(executor, ExecutorCommandType.CONNECT_INVESTOR, op, login, server, sealed, sealContext, 0, event);
        accepted(event, op);
    }

    /** INVESTOR_TEST: tries credentials on the named account's executor (or the first online one the caller may use); saves nothing. */
    void test(final CommandEvent event)
    {
        reader.wrap(event.frame, CommandFrame.BODY_OFFSET);
        reader.readString(text);
        final Account named = text.isEmpty() ? null : account(event, text);
        if (!text.isEmpty() && named == null)
        {
            return;
        }
        final long login = reader.readLong();
        final String server = reader.readString(text).toString();
        final String sealed = reader.readString(text).toString();
        final String sealContext = reader.readString(text).toString();
        if (!context.principals().requireTrade(event))
        {
            return;
        }
        final Executor executor = named != null ? onlineExecutor(event, named) : anyOnlineExecutor(event);
        if (executor == null || !canSend(event, executor))
        {
            return;
        }
        final InvestorOp op = ops.start(InvestorOp.TEST);
        op.principal = event.principal();
        op.accountIndex = named == null ? -1 : named.index;
        send(executor, ExecutorCommandType.TEST_CONNECTION, op, login, server, sealed, sealContext, 0, event);
        accepted(event, op);
    }

    /** INVESTOR_SYNC: asks the executor for the closed deals since the last one stored (the whole history the first time). */
    void sync(final CommandEvent event)
    {
        final Account account = account(event, reader.wrap(event.frame, CommandFrame.BODY_OFFSET).readString(text));
        if (account == null || !context.principals().requireTrade(event))
        {
            return;
        }
        final InvestorLink link = links[account.index];
        if (!link.exists || link.sealed == null)
        {
            event.reject(ResultCode.NOT_FOUND, "the account is not connected to MT5: POST /api/mt5/connect first", "tradingAccountId");
            return;
        }
        if (link.pendingOp != 0)
        {
            event.reject(ResultCode.CONFLICT, "a connect or sync of this account is still waiting for its terminal", "tradingAccountId");
            return;
        }
        final Executor executor = executors.get(link.executorIndex);
        if (!executor.isOnline(event.wallMicros(), offlineAfterMicros))
        {
            event.reject(ResultCode.EXECUTOR_OFFLINE, "the account's executor is offline", null);
            return;
        }
        if (!canSend(event, executor))
        {
            return;
        }
        final InvestorOp op = ops.start(InvestorOp.SYNC);
        op.accountIndex = account.index;
        op.accountId = account.id;
        op.principal = event.principal();
        op.login = link.login;
        op.server = link.server;
        op.sealed = link.sealed;
        op.sealContext = link.sealContext;
        link.pendingOp = op.id;
        nextPage(executor, op, link.syncedUntilMicros, event);
        accepted(event, op);
    }

    /**
     * Sends one SYNC_HISTORY page from {@code fromMicros} (0: the whole history). Also for the pages after the first,
     * which come from a result, not a request: nothing checked the command table for them, so this does.
     *
     * @return false, having sent nothing, when the executor command table has no room for the page
     */
    boolean nextPage(final Executor executor, final InvestorOp op, final long fromMicros, final CommandEvent event)
    {
        if (!queue.commands().canAllocate())
        {
            return false;
        }
        op.pages++;
        send(executor, ExecutorCommandType.SYNC_HISTORY, op, op.login, op.server, op.sealed, op.sealContext, fromMicros, event);
        return true;
    }

    /** INVESTOR_DISCONNECT: forgets the sealed password, cancels what still waits to carry it, tells the executor. */
    void disconnect(final CommandEvent event)
    {
        final Account account = account(event, reader.wrap(event.frame, CommandFrame.BODY_OFFSET).readString(text));
        if (account == null || !context.principals().requireTrade(event))
        {
            return;
        }
        final InvestorLink link = links[account.index];
        if (!link.exists)
        {
            event.reject(ResultCode.NOT_FOUND, "the account is not connected to MT5", "tradingAccountId");
            return;
        }
        final long now = event.wallMicros();
        link.sealed = null;
        link.status = InvestorLink.DISCONNECTED;
        link.errorMessage = null;
        final Executor executor = link.executorIndex >= 0 ? executors.get(link.executorIndex) : null;
        if (executor != null)
        {
            // Sent offline too (the executor forgets the password it holds when it comes back), in place of one still
            // waiting: a dead executor holds one DISCONNECT_INVESTOR however often its account is disconnected.
            cancelPending(executor, account.index, now);
            if (queue.commands().canAllocate())
            {
                final ExecutorCommand command = queue.start(executor, ExecutorCommandType.DISCONNECT_INVESTOR, CommandPriority.NORMAL, 0, now);
                queue.enqueue(executor, command, event);
            }
        }
        link.pendingOp = 0;
        final JsonWriter json = context.beginJson(event).startObject();
        json.name("success").bool(true);
        json.name("message").string("MT5 account disconnected and removed");
        json.endObject();
        context.endJson(event);
        event.result = ResultCode.OK;
    }

    /**
     * Settles, as failed, the account's investor commands still queued (the password they carry is never delivered),
     * and a DISCONNECT_INVESTOR still waiting (the one sent next replaces it).
     */
    private void cancelPending(final Executor executor, final int accountIndex, final long now)
    {
        for (final CommandPriority priority : CommandPriority.values())
        {
            ExecutorCommand next;
            for (ExecutorCommand c = queue.commands().firstPending(executor, priority); c != null; c = next)
            {
                next = queue.commands().nextPending(c);
                if (c.type == ExecutorCommandType.DISCONNECT_INVESTOR)
                {
                    queue.settle(executor, c, CommandStatus.FAILED, now);
                    c.resultMessage = "replaced by a later DISCONNECT_INVESTOR";
                    continue;
                }
                final InvestorOp op = c.sealed == null ? null : ops.get(c.opId);
                if (op != null && op.accountIndex == accountIndex)
                {
                    queue.settle(executor, c, CommandStatus.FAILED, now);
                    c.resultMessage = "cancelled: the account was disconnected";
                    c.sealed = null;
                    op.finish(false, "DISCONNECTED", "the account was disconnected before the terminal answered");
                }
            }
        }
    }

    /** INVESTOR_STATUS (read): seed 004's status of the account's connection. */
    void status(final CommandEvent event)
    {
        final Account account = account(event, reader.wrap(event.frame, CommandFrame.BODY_OFFSET).readString(text));
        if (account == null)
        {
            return;
        }
        final InvestorLink link = links[account.index];
        if (!link.exists)
        {
            event.reject(ResultCode.NOT_FOUND, "the account has no MT5 connection", "tradingAccountId");
            return;
        }
        final JsonWriter json = context.beginJson(event).startObject();
        InvestorAnswers.accountId(json.name("tradingAccountId"), account.id);
        json.name("status").string(InvestorLink.statusName(link.status));
        json.name("mt5Login").number(link.login);
        json.name("mt5Server").string(link.server);
        json.name("lastSyncAt");
        if (link.lastSyncMicros == 0)
        {
            json.nullValue();
        }
        else
        {
            json.time(link.lastSyncMicros);
        }
        json.name("errorMessage").string(link.errorMessage);
        json.name("syncing").bool(link.pendingOp != 0);
        json.endObject();
        context.endJson(event);
        event.result = ResultCode.OK;
    }

    /** INVESTOR_OUTCOME (read): what a waiting request is answered with, done or not. */
    void outcome(final CommandEvent event)
    {
        final InvestorOp op = ops.get(reader.wrap(event.frame, CommandFrame.BODY_OFFSET).readLong());
        if (op == null || op.principal != event.principal() && !context.principals().isAdmin(event.principal()))
        {
            event.reject(ResultCode.NOT_FOUND, "operation not found", null);
            return;
        }
        InvestorAnswers.outcome(context, op, event);
    }

    private Account account(final CommandEvent event, final AsciiView accountId)
    {
        final Account account = context.accounts().find(accountId);
        if (account == null || !context.principals().canAccess(event.principal(), account.index))
        {
            event.reject(ResultCode.NOT_FOUND, "account not found", "tradingAccountId");
            return null;
        }
        if (account.venue != VenueKind.MT5.code())
        {
            event.reject(ResultCode.VALIDATION_ERROR, "tradingAccountId must name an mt5 account", "tradingAccountId");
            return null;
        }
        return account;
    }

    private Executor onlineExecutor(final CommandEvent event, final Account account)
    {
        final Executor executor = executors.forAccount(account.index);
        if (executor == null)
        {
            event.reject(ResultCode.EXECUTOR_OFFLINE, "no executor serves this account: register one (POST /api/v1/executors)", null);
            return null;
        }
        if (!executor.isOnline(event.wallMicros(), offlineAfterMicros))
        {
            event.reject(ResultCode.EXECUTOR_OFFLINE, "the account's executor is offline", null);
            return null;
        }
        return executor;
    }

    /** The first online executor (registration order) serving an account the caller may use. */
    private Executor anyOnlineExecutor(final CommandEvent event)
    {
        for (int i = 0; i < executors.count(); i++)
        {
            final Executor executor = executors.get(i);
            if (executor.accountIndex >= 0 && context.principals().canAccess(event.principal(), executor.accountIndex)
                && executor.isOnline(event.wallMicros(), offlineAfterMicros))
            {
                return executor;
            }
        }
        event.reject(ResultCode.EXECUTOR_OFFLINE, "no executor of yours is online to test with: name tradingAccountId of an mt5 account "
            + "whose executor runs", null);
        return null;
    }

    /** The executor (online) may be sent a first command: not busy, room in the table and for one more operation. */
    private boolean canSend(final CommandEvent event, final Executor executor)
    {
        final ResultCode unable = admission.refusal(executor, event.wallMicros(), true);
        if (unable != null)
        {
            event.reject(unable, CommandAdmission.message(unable), null);
            return false;
        }
        if (!ops.canStart())
        {
            event.reject(ResultCode.VENUE_UNAVAILABLE, "too many MT5 connections and syncs are waiting for their terminals", null);
            return false;
        }
        return true;
    }

    private void send(
        final Executor executor, final ExecutorCommandType type, final InvestorOp op, final long login, final String server,
        final String sealed, final String sealContext, final long fromMicros, final CommandEvent event)
    {
        final ExecutorCommand command = queue.start(executor, type, CommandPriority.NORMAL, 0, event.wallMicros());
        command.opId = op.id;
        command.sealed = CommandQueue.SEALED_MARKER + sealContext + "|" + sealed;
        final JsonWriter json = queue.beginParameters(command).startObject();
        json.name("mt5Login").number(login);
        json.name("mt5Server").string(server);
        if (fromMicros != 0)
        {
            json.name("from").time(fromMicros);
        }
        json.endObject();
        queue.endParameters(command);
        queue.enqueue(executor, command, event);
    }

    private void accepted(final CommandEvent event, final InvestorOp op)
    {
        event.resultId = op.id;
        final JsonWriter json = context.beginJson(event).startObject();
        json.name("op_id").number(op.id);
        json.name("status").string("pending");
        json.endObject();
        context.endJson(event);
        event.result = ResultCode.ACCEPTED;
    }
}
