package io.ordergate.exchange.client;

/**
 * How far one session's user stream had got when a balances report was made: the session (a random number drawn when
 * the session starts, so that two sessions, in this run or another, are never taken for one) and the count of the
 * stream's balance updates. A stream update carries its own number; a full read carries the number of the last update
 * laid over it. Journaled with the balances, so that the engine can tell a read older than an update it already applied
 * (one that reached the ring after it by another path) from data in the commands alone. Immutable.
 *
 * @param session the stream session's id (never 0)
 * @param updates the stream's balance updates counted in that session
 */
public record BalanceStreamMark(long session, long updates)
{
}
