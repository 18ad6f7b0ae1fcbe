package io.ordergate.exchange.client;

import io.ordergate.exchange.spi.VenueAnswer;

/**
 * A full balance read not yet reported (the caller journals it): the exchange's answer, what the stream told meanwhile
 * laid over its balances, and the stream mark that says which of the stream's updates it holds. Immutable.
 *
 * @param answer the exchange's answer (its balances are the corrected read when it is OK)
 * @param mark   the stream updates the read holds: journal it with the balances ({@link BalanceStreamMark})
 */
public record BalanceRead(VenueAnswer answer, BalanceStreamMark mark)
{
}
