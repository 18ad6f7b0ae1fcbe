package io.ordergate.gateway.logs;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.ordergate.engine.change.ChangeSet;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.view.CommandLines;
import io.ordergate.gateway.core.FanOutListener;

/**
 * What happened to each account, as readable lines ({@code GET /api/v1/logs}), decoded from the journaled commands
 * the fan-out follows (at start-up from the journal itself, then live): for every command that names or changes an
 * account, one line per such account, with the text the journal dump prints for the command (what was asked, what
 * came of it). The newest {@code logs.lines_per_account} lines are kept per account; older ones are in the journal
 * (the dump shows them all), each account's in an {@link AccountLog} of reusable slots. Used on the fan-out thread,
 * which writes the lines and answers the log queries (they come to it through the ring).
 */
public final class AccountLogs implements FanOutListener, io.ordergate.gateway.core.StateBesideEngine
{
    /** Levels, lowest first, as seed 001 names them. */
    public static final String[] LEVELS = {"DEBUG", "INFO", "WARNING", "ERROR"};
    static final int INFO = 1;
    static final int WARNING = 2;
    static final int ERROR = 3;

    /** One line, as a query reads it. Immutable. */
    public record Line(long micros, int level, boolean trade, String message, String command, String who, String result, long journalIndex)
    {
    }

    /** Made once: a lambda that reads {@code perAccount} would be a new object on every command. */
    private final java.util.function.Function<String, AccountLog> newLog;
    private final Map<String, AccountLog> byAccount = new ConcurrentHashMap<>();
    private final CommandLines lines = new CommandLines();
    private final PrincipalNames names = new PrincipalNames();
    private final StringBuilder text = new StringBuilder();
    /** The accounts of the command being logged (fan-out thread): a set without a set's garbage per command. */
    private String[] accountScratch = new String[8];

    public AccountLogs(final int perAccount)
    {
        this.newLog = id -> new AccountLog(perAccount);
    }

    @Override
    public void onEvent(final CommandEvent event, final boolean replaying)
    {
        if (!replaying && event.attachment instanceof LogRoutes.Query)
        {
            LogRoutes.answer(event, (LogRoutes.Query)event.attachment, this);
            return;
        }
        if (event.type == null || !event.type.journaled())
        {
            return;
        }
        names.learn(event);
        if (event.type == CommandType.QUOTES && event.changes.isEmpty())
        {
            return;  // a quote that filled and triggered nothing is no account's news
        }
        final int accounts = accountsOf(event);
        if (accounts == 0)
        {
            return;
        }
        text.setLength(0);
        lines.what(event, text);
        text.append(" -> ");
        lines.result(event, text);
        final int level = event.result == null || event.result.httpStatus() >= 500 ? ERROR : event.result.isSuccess() ? INFO : WARNING;
        final boolean trade = isTrade(event);
        final String who = names.name(event.principal());
        final String result = event.result == null ? "FAILED" : event.result.name();
        for (int a = 0; a < accounts; a++)
        {
            byAccount.computeIfAbsent(accountScratch[a], newLog)
                .add(event.wallMicros(), level, trade, text, event.type.name(), who, result, event.journalIndex);
        }
    }

    /** The accounts a command names or changes, each once, into {@link #accountScratch}; how many. */
    private int accountsOf(final CommandEvent event)
    {
        int count = 0;
        final String named = event.result == null ? null : lines.account(event);
        if (named != null && !named.isEmpty())
        {
            count = addAccount(named, count);
        }
        final ChangeSet changes = event.changes;
        for (int i = 0; i < changes.orderCount(); i++)
        {
            count = addAccount(changes.order(i).accountId, count);
        }
        for (int i = 0; i < changes.positionCount(); i++)
        {
            count = addAccount(changes.position(i).accountId, count);
        }
        for (int i = 0; i < changes.accountCount(); i++)
        {
            count = addAccount(changes.account(i).accountId, count);
        }
        return count;
    }

    /** Adds an account to the first {@code count} of the scratch unless it is there; the new count. */
    private int addAccount(final String accountId, final int count)
    {
        for (int i = 0; i < count; i++)
        {
            if (accountScratch[i].equals(accountId))
            {
                return count;
            }
        }
        if (count == accountScratch.length)
        {
            accountScratch = java.util.Arrays.copyOf(accountScratch, count * 2);  // a close-all of many accounts: grows once
        }
        accountScratch[count] = accountId;
        return count + 1;
    }

    private static boolean isTrade(final CommandEvent event)
    {
        switch (event.type)
        {
            case NEW_ORDER:
            case CANCEL_ORDER:
            case CLOSE_POSITION:
            case MODIFY_POSITION:
            case CLOSE_ALL:
            case GROUP_ORDER:
            case WEBHOOK_SIGNAL:
                return true;
            default:
                return event.changes.orderCount() > 0 || event.changes.tradeCount() > 0;
        }
    }

    /**
     * The newest lines of these accounts that pass the filters, newest first, at most {@code limit}.
     *
     * @param trade true for trade lines only; {@code minLevel} an index of {@link #LEVELS}
     */
    public List<Line> newest(final List<String> accountIds, final boolean trade, final int minLevel, final int limit)
    {
        final List<Line> found = new ArrayList<>();
        final Set<Long> seen = new HashSet<>();  // a command's line in two accounts' logs once
        for (final String accountId : accountIds)
        {
            final AccountLog log = byAccount.get(accountId);
            if (log != null)
            {
                log.newest(trade, minLevel, limit, seen, found);
            }
        }
        found.sort((a, b) -> Long.compare(b.journalIndex(), a.journalIndex()));
        return found.size() > limit ? found.subList(0, limit) : found;
    }

    @Override
    public void stateRoots(final java.util.Map<String, Object> roots)
    {
        roots.put("logs.by_account", byAccount);
        names.stateRoots(roots);
    }
}
