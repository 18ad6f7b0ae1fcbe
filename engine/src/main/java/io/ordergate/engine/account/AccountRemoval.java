package io.ordergate.engine.account;

import io.ordergate.engine.EngineContext;
import io.ordergate.engine.bot.BotFlow;
import io.ordergate.engine.command.AsciiView;
import io.ordergate.engine.command.BodyReader;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.expert.ExpertRoom;
import io.ordergate.engine.group.GroupFlow;
import io.ordergate.engine.user.UserRoom;
import io.ordergate.engine.venue.Venue;
import io.ordergate.engine.venue.Venues;
import io.ordergate.engine.view.JsonWriter;

/**
 * DELETE_ACCOUNT: removes an account that holds no positions and no open orders and is no expert's home (409 CONFLICT
 * otherwise: an expert must not be left trading an account that is gone), in one journaled step, so replay removes it at the same point:
 * <ul>
 *   <li>its venue forgets it (an exchange account's credentials and balances; its connection is closed);</li>
 *   <li>it leaves every group and bot, and every key's and user's list of accounts;</li>
 *   <li>its slot stays (its orders and trades keep their account), but its id is free: an account made again with it is
 *       a new account in a new slot, so a key bound to the old one does not reach it, and an exchange account's client
 *       order ids (namespaced by creation time) never collide with the old one's.</li>
 * </ul>
 * Admin path: may allocate. <b>Not thread safe</b>: engine thread.
 */
public final class AccountRemoval
{
    private final EngineContext context;
    private final Venues venues;
    private final GroupFlow groups;
    private final BotFlow bots;
    private final UserRoom users;
    private final ExpertRoom experts;
    private final BodyReader reader = new BodyReader();
    private final AsciiView text = new AsciiView();
    /** Scratch for asking a position-holding venue what it lists for the account. */
    private final JsonWriter probe = new JsonWriter().wrap(new org.agrona.ExpandableArrayBuffer(256), 0);

    public AccountRemoval(final EngineContext context, final Venues venues, final GroupFlow groups, final BotFlow bots, final UserRoom users,
        final ExpertRoom experts)
    {
        this.context = context;
        this.venues = venues;
        this.groups = groups;
        this.bots = bots;
        this.users = users;
        this.experts = experts;
    }

    public void remove(final CommandEvent event)
    {
        reader.wrap(event.frame, CommandFrame.BODY_OFFSET);
        final Account account = context.accounts().find(reader.readString(text));
        if (!context.principals().requireAdmin(event))
        {
            return;
        }
        if (account == null)
        {
            event.reject(ResultCode.NOT_FOUND, "account not found", "account_id");
            return;
        }
        final int positions = openPositions(account);
        if (positions > 0 || account.openOrders > 0)
        {
            event.reject(ResultCode.CONFLICT, "the account holds " + positions + " open position(s) and " + account.openOrders
                + " open order(s): close and cancel them first", "account_id");
            return;
        }
        final String expert = experts.expertOn(account);
        if (expert != null)
        {
            event.reject(ResultCode.CONFLICT, "expert " + expert + " is attached to the account: an account an expert trades cannot be deleted",
                "account_id");
            return;
        }
        forget(account, event);
        context.beginJson(event).startObject().name("success").bool(true).name("account_id").string(account.id).endObject();
        context.endJson(event);
        event.result = ResultCode.OK;
    }

    /**
     * Takes back an account made earlier in the same command, whose other part the engine refused (an exchange account
     * made for an expert the expert table has no room for): removed as DELETE_ACCOUNT removes one, and untold, so the
     * command leaves neither. The event keeps its refusal.
     *
     * @param giveBackSlot whether its slot goes back to the account table (nothing was made for it), so a refusal uses up
     *                     no room there; false only for a command journaled while the slot stayed removed, replayed as then
     */
    public void takeBack(final Account account, final CommandEvent event, final boolean giveBackSlot)
    {
        forget(account, event);
        context.changes().forgetAccount(account);
        if (giveBackSlot)
        {
            context.accounts().giveBackLastSlot(account);
        }
    }

    private void forget(final Account account, final CommandEvent event)
    {
        final long now = event.wallMicros();
        venues.of(account).accountRemoved(account, event);
        groups.accountRemoved(account, now);
        bots.accountRemoved(account, now);
        users.accountRemoved(account.index);
        context.principals().forgetAccount(account.index);
        context.accounts().remove(account);
    }

    /** The engine's open net positions of the account, or those its venue holds itself (what the positions list shows). */
    private int openPositions(final Account account)
    {
        int open = 0;
        for (int i = 0; i < account.positions.length; i++)
        {
            if (account.positions[i].isOpen())
            {
                open++;
            }
        }
        if (account.firstHedge != null)
        {
            open++;  // a hedging account's legs
        }
        final Venue holder = venues.positionHolder(account);
        if (holder != null)
        {
            probe.wrap(probe.buffer(), 0).startArray();
            final int empty = probe.length();
            holder.writePositions(account, probe);
            if (probe.length() > empty)
            {
                open++;
            }
        }
        return Math.max(open, account.openPositions);
    }
}
