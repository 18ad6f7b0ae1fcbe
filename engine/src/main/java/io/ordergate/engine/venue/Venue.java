package io.ordergate.engine.venue;

import io.ordergate.engine.account.Account;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.instrument.Instrument;
import io.ordergate.engine.order.Order;

/**
 * A place orders go once they pass risk. Implementations run on the engine thread: deterministic, no I/O, no
 * clock, no allocation per order. An asynchronous venue marks the order routed and writes what must be sent
 * into the event, for the reply stage to hand to its connector. The symbol to send is
 * {@link Order#venueSymbolOrSymbol()}: a group member may map the gateway's instrument to its broker's name
 * ({@code EURUSD.m}, {@code GOLD}); risk, positions and answers keep the instrument.
 */
public interface Venue
{
    /**
     * @return null when the order was taken (filled, resting or routed), or the code it was rejected with after
     *         marking it rejected
     */
    ResultCode route(Order order, Account account, Instrument instrument, CommandEvent event);
}
