package io.ordergate.engine.query;

import io.ordergate.engine.EngineContext;
import io.ordergate.engine.account.Account;
import io.ordergate.engine.account.Accounts;
import io.ordergate.engine.auth.Principals;
import io.ordergate.engine.command.AsciiView;
import io.ordergate.engine.command.BodyReader;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.instrument.Instruments;
import io.ordergate.engine.position.Position;
import io.ordergate.engine.venue.Venue;
import io.ordergate.engine.venue.Venues;
import io.ordergate.engine.view.EngineJson;

/**
 * LIST_POSITIONS: the open positions of one account, or of every account the principal may see. Without a cursor in
 * the body the whole list is written at once (one account's list is bounded by its instruments and tickets: the
 * streams' snapshot); with one, a bounded slice (the gateway's {@code GET /api/v1/positions}) that looks at about
 * {@link QueryFlow#SLICE_SCAN} position slots and then stops after the account in progress, so a list over many
 * accounts never holds the engine thread for more than tens of microseconds at once. The cursor is the account index to
 * start at; the answer is {@code {"positions": [...], "next": index, "written": n}}, next 0 at the end (a slice always
 * finishes at least one account, so a later slice never starts at 0). <b>Not thread safe</b>: owned by the engine
 * thread; allocates nothing.
 */
public final class PositionListQuery
{
    private static final int ALL_ACCOUNTS = -1;

    private final Accounts accounts;
    private final Instruments instruments;
    private final Principals principals;
    private final EngineJson json;
    private final Venues venues;
    private final BodyReader reader = new BodyReader();
    private final AsciiView text = new AsciiView();

    public PositionListQuery(final EngineContext context, final EngineJson json, final Venues venues)
    {
        this.accounts = context.accounts();
        this.instruments = context.instruments();
        this.principals = context.principals();
        this.json = json;
        this.venues = venues;
    }

    public void list(final CommandEvent event)
    {
        reader.wrap(event.frame, CommandFrame.BODY_OFFSET).readString(text);
        int onlyAccount = ALL_ACCOUNTS;
        if (!text.isEmpty())
        {
            final Account account = accounts.find(text);
            if (account == null || !principals.canAccess(event.principal(), account.index))
            {
                event.reject(ResultCode.NOT_FOUND, "account not found", "account_id");
                return;
            }
            onlyAccount = account.index;
        }
        final boolean sliced = reader.position() < event.frameLength();
        final int start = sliced ? (int)Math.min(Math.max(reader.readLong(), 0), accounts.count()) : 0;
        json.begin(event).startObject().name("positions").startArray();
        int written = 0;
        int looked = 0;
        int a = start;
        for (; a < accounts.count() && (!sliced || looked < QueryFlow.SLICE_SCAN); a++)
        {
            if (accounts.isRemoved(a) || (onlyAccount != ALL_ACCOUNTS && onlyAccount != a) || !principals.canAccess(event.principal(), a))
            {
                looked++;
                continue;
            }
            final Account account = accounts.get(a);
            looked += instruments.count() + account.openPositions;
            written += writeAccount(account);
        }
        json.writer().endArray();
        if (sliced)
        {
            json.writer().name("next").number(a < accounts.count() ? a : 0).name("written").number(written);
        }
        json.writer().endObject();
        json.end(event);
        event.result = ResultCode.OK;
    }

    /** Writes the account's open positions (its venue's own, or the engine's net and hedged ones) and counts them. */
    private int writeAccount(final Account account)
    {
        final Venue holder = venues.positionHolder(account);
        if (holder != null)
        {
            holder.writePositions(account, json.writer());
            return account.openPositions;
        }
        int written = 0;
        for (int i = 0; i < instruments.count(); i++)
        {
            if (account.positions[i].isOpen())
            {
                json.writePosition(account, instruments.get(i), account.positions[i]);
                written++;
            }
        }
        for (Position hedge = account.firstHedge; hedge != null; hedge = hedge.nextHedge())
        {
            json.writePosition(account, instruments.get(hedge.instrumentIndex), hedge);
            written++;
        }
        return written;
    }
}
