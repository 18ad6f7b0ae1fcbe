package io.ordergate.mt5;

/**
 * Pairs a partial close's CLOSE_POSITION result that carries no {@code details.deal} (executors.md: it "may carry" it)
 * with the partial-close trade report that names the deal, so the part is booked once, money and lots, whichever comes
 * first; before, each booked it. The report first: it names its deal on the pending close command of the same ticket and
 * lots, whose result then is a repeat of that deal. The result first: the ticket counts the parts it booked without a
 * deal ({@link TicketPosition#dealLessPartLots}), and a report of such a part takes its deal from it, booking nothing.
 * The terminal's report is matched by ticket and lots: a close by hand of the very same lots while the command waits is
 * taken for the command's part. A report is paired only when journaled with {@link ExecutorBodies#REPORT_RULES_PAIRS_PARTS}
 * (a journal from before replays as it was decided). Engine thread; allocates nothing.
 */
final class DealLessParts
{
    private static final CommandPriority[] PRIORITIES = CommandPriority.values();

    private final ExecutorCommands commands;

    DealLessParts(final ExecutorCommands commands)
    {
        this.commands = commands;
    }

    /** The report came first: its deal goes on the pending close of {@code lots} of the ticket, if one waits without a deal. */
    void reportedFirst(final Executor executor, final TicketPosition position, final long lots, final long deal)
    {
        for (final CommandPriority priority : PRIORITIES)
        {
            for (ExecutorCommand command = commands.firstPending(executor, priority); command != null; command = commands.nextPending(command))
            {
                if (command.type == ExecutorCommandType.CLOSE_POSITION && command.ticket == position.ticket && command.partDeal == 0
                    && command.lots != ExecutorCommand.NONE && Mt5Book.rounded(command.lots, position.quantityDigits) == lots)
                {
                    command.partDeal = deal;
                    return;
                }
            }
        }
    }

    /** The deal a partial close's result is booked under: its own, else the one its report named first, else 0. */
    static long dealOf(final ExecutorCommand command, final long resultDeal)
    {
        return resultDeal != 0 ? resultDeal : command.partDeal;
    }

    /** The result came first and booked {@code lots} without a deal: a report of them is that part. */
    static void bookedWithoutDeal(final TicketPosition position, final long lots)
    {
        if (position.dealLessParts > 0 && position.dealLessPartLots != lots)
        {
            position.dealLessParts = 0;  // one size remembered: an older part of another size is booked again by its report
        }
        position.dealLessPartLots = lots;
        position.dealLessParts++;
    }

    /** True when a report of {@code lots} is a part its result booked without a deal: the deal is remembered, nothing booked. */
    static boolean claimedByReport(final TicketPosition position, final long lots, final long deal)
    {
        if (position.dealLessParts == 0 || position.dealLessPartLots != lots || position.appliedPartial(deal))
        {
            return false;
        }
        position.dealLessParts--;
        position.rememberPartial(deal);
        return true;
    }
}
