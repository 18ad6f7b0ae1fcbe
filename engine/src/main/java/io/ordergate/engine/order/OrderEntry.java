package io.ordergate.engine.order;

import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.ResultCode;

/**
 * The single-order path: idempotency → instrument validation → kill switches → risk → venue. NEW_ORDER and every
 * child of a group order or webhook signal go through it, so there is one copy of the checks.
 * <b>Not thread safe</b>: engine thread.
 */
public interface OrderEntry
{
    /**
     * @param event the command being applied: a venue may write connector messages into its outbox
     * @return the outcome: {@link ResultCode#CREATED} for an order taken, {@link ResultCode#DUPLICATE} for a repeat
     *         of a client order id, or the rejection. {@code placement.order} is the order recorded (null when the
     *         placement was refused before an order existed, with {@code message} and {@code field} saying why).
     */
    ResultCode place(OrderPlacement placement, CommandEvent event);

    /**
     * The price and stop checks of {@link #place} alone (the placement's instrument must be set): null when valid,
     * else the code with the placement's message and field set. Makes nothing.
     */
    ResultCode validatePrices(OrderPlacement placement);

    /** Cancels every open order of an account at its venue (kill switches, bot terminate); answers how many. */
    int cancelOpenOrders(io.ordergate.engine.account.Account account, CommandEvent event);
}
