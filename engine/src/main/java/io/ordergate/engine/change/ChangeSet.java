package io.ordergate.engine.change;

import io.ordergate.engine.command.OrderStatus;
import io.ordergate.engine.command.OrderView;

/**
 * What one journaled command changed, copied out of the engine's tables at the end of {@code Engine.apply}: every
 * order it created or changed (as it left it), every fill, every position and every account it touched. The stages
 * after the engine (the reply stage, and whatever follows the ring: streams, webhooks, logs) read it without
 * touching engine state. Reads change nothing: their set is empty.
 *
 * <p>Every entry is preallocated and reused; the arrays grow (once, and then stay) only when a command changes more
 * than any before it (a group order across hundreds of accounts).
 * <b>Not thread safe</b>: part of a ring event; written by the engine stage, read by the stages after it.
 */
public final class ChangeSet
{
    private static final int INITIAL = 2;

    private final OrderView answered;
    private OrderView[] orderPool = new OrderView[0];
    private OrderView[] orders = new OrderView[0];
    private OrderStatus[] previousStatus = new OrderStatus[0];
    private int orderCount;
    private TradeChange[] trades = new TradeChange[0];
    private int tradeCount;
    private PositionChange[] positions = new PositionChange[0];
    private int positionCount;
    private AccountChange[] accounts = new AccountChange[0];
    private int accountCount;

    /** @param answered the event's own order view: an order the command answers with is not copied twice */
    public ChangeSet(final OrderView answered)
    {
        this.answered = answered;
        // Room for an ordinary command (an order, its fill, a position and an account; a flip closes and opens)
        // made with the event, so applying it allocates nothing even the first time.
        orderPool = grow(orderPool, OrderView::new, new OrderView[INITIAL]);
        orders = new OrderView[INITIAL];
        previousStatus = new OrderStatus[INITIAL];
        trades = grow(trades, TradeChange::new, new TradeChange[INITIAL]);
        positions = grow(positions, PositionChange::new, new PositionChange[INITIAL]);
        accounts = grow(accounts, AccountChange::new, new AccountChange[INITIAL]);
    }

    public void clear()
    {
        orderCount = 0;
        tradeCount = 0;
        positionCount = 0;
        accountCount = 0;
    }

    public boolean isEmpty()
    {
        return orderCount == 0 && tradeCount == 0 && positionCount == 0 && accountCount == 0;
    }

    public int orderCount()
    {
        return orderCount;
    }

    /** An order as the command left it (the event's own order view when it is the one answered). */
    public OrderView order(final int index)
    {
        return orders[index];
    }

    /** The order's status before the command, or null when the command made it. */
    public OrderStatus previousStatus(final int index)
    {
        return previousStatus[index];
    }

    public int tradeCount()
    {
        return tradeCount;
    }

    public TradeChange trade(final int index)
    {
        return trades[index];
    }

    public int positionCount()
    {
        return positionCount;
    }

    public PositionChange position(final int index)
    {
        return positions[index];
    }

    public int accountCount()
    {
        return accountCount;
    }

    public AccountChange account(final int index)
    {
        return accounts[index];
    }

    // ---- written by the engine (Changes) ----

    /** Adds the event's answered order view itself. */
    void addAnswered(final OrderStatus before)
    {
        growOrders();
        previousStatus[orderCount] = before;
        orders[orderCount++] = answered;
    }

    /** A view to copy an order into. */
    OrderView addOrder(final OrderStatus before)
    {
        growOrders();
        final OrderView view = orderPool[orderCount];
        previousStatus[orderCount] = before;
        orders[orderCount++] = view;
        return view;
    }

    TradeChange addTrade()
    {
        if (tradeCount == trades.length)
        {
            trades = grow(trades, TradeChange::new, new TradeChange[Math.max(4, tradeCount * 2)]);
        }
        return trades[tradeCount++];
    }

    PositionChange addPosition()
    {
        if (positionCount == positions.length)
        {
            positions = grow(positions, PositionChange::new, new PositionChange[Math.max(4, positionCount * 2)]);
        }
        return positions[positionCount++];
    }

    AccountChange addAccount()
    {
        if (accountCount == accounts.length)
        {
            accounts = grow(accounts, AccountChange::new, new AccountChange[Math.max(4, accountCount * 2)]);
        }
        return accounts[accountCount++];
    }

    private void growOrders()
    {
        if (orderCount == orders.length)
        {
            final int size = Math.max(4, orderCount * 2);
            orderPool = grow(orderPool, OrderView::new, new OrderView[size]);
            orders = java.util.Arrays.copyOf(orders, size);
            previousStatus = java.util.Arrays.copyOf(previousStatus, size);
        }
    }

    private static <T> T[] grow(final T[] old, final java.util.function.Supplier<T> maker, final T[] bigger)
    {
        System.arraycopy(old, 0, bigger, 0, old.length);
        for (int i = old.length; i < bigger.length; i++)
        {
            bigger[i] = maker.get();
        }
        return bigger;
    }
}
