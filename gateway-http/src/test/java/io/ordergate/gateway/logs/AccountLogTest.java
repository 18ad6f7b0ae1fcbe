package io.ordergate.gateway.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** One account's ring of lines: the newest kept, oldest dropped, slots reused with whatever text comes next. */
class AccountLogTest
{
    @Test
    void shouldKeepTheNewestLinesNewestFirstAcrossGrowthAndWrapping()
    {
        final AccountLog log = new AccountLog(40);
        for (int i = 1; i <= 100; i++)
        {
            add(log, i, i % 3 == 0 ? AccountLogs.WARNING : AccountLogs.INFO, i % 2 == 0, text(i));
        }
        assertEquals(40, log.size());
        final List<AccountLogs.Line> newest = newest(log, false, 0, 100, new HashSet<>());
        assertEquals(40, newest.size());
        for (int n = 0; n < 40; n++)
        {
            final int i = 100 - n;
            final AccountLogs.Line line = newest.get(n);
            assertEquals(text(i), line.message(), "the slot shows its own line's text, not a longer earlier one's");
            assertEquals(i, line.journalIndex());
            assertEquals(i * 1_000L, line.micros());
            assertEquals(i % 3 == 0 ? AccountLogs.WARNING : AccountLogs.INFO, line.level());
            assertEquals(i % 2 == 0, line.trade());
            assertEquals("NEW_ORDER", line.command());
        }
    }

    @Test
    void shouldFilterLimitAndTakeACommandOnceAcrossAccounts()
    {
        final AccountLog first = new AccountLog(10);
        final AccountLog second = new AccountLog(10);
        for (int i = 1; i <= 6; i++)
        {
            add(first, i, i == 4 ? AccountLogs.ERROR : AccountLogs.INFO, i % 2 == 1, "line " + i);
        }
        add(second, 5, AccountLogs.INFO, true, "line 5");  // one command, two accounts
        add(second, 7, AccountLogs.INFO, true, "line 7");

        assertEquals(List.of(5L, 3L, 1L), indexes(newest(first, true, 0, 10, new HashSet<>())), "trade lines only");
        assertEquals(List.of(4L), indexes(newest(first, false, AccountLogs.ERROR, 10, new HashSet<>())), "errors only");
        assertEquals(List.of(6L, 5L), indexes(newest(first, false, 0, 2, new HashSet<>())), "the limit");
        final Set<Long> seen = new HashSet<>();
        final List<AccountLogs.Line> both = newest(first, false, 0, 10, seen);
        second.newest(false, 0, 10, seen, both);
        assertEquals(List.of(6L, 5L, 4L, 3L, 2L, 1L, 7L), indexes(both), "command 5 once");
    }

    /** Lines of different lengths, so a reused slot that held a longer line must show only the new one's text. */
    private static String text(final int i)
    {
        return "line " + i + "x".repeat(i % 7 * 40);
    }

    private static void add(final AccountLog log, final int index, final int level, final boolean trade, final String text)
    {
        log.add(index * 1_000L, level, trade, new StringBuilder(text), "NEW_ORDER", "system", "CREATED", index);
    }

    private static List<AccountLogs.Line> newest(final AccountLog log, final boolean trade, final int minLevel, final int limit, final Set<Long> seen)
    {
        final List<AccountLogs.Line> lines = new ArrayList<>();
        log.newest(trade, minLevel, limit, seen, lines);
        return lines;
    }

    private static List<Long> indexes(final List<AccountLogs.Line> lines)
    {
        return lines.stream().map(AccountLogs.Line::journalIndex).collect(Collectors.toList());
    }
}
