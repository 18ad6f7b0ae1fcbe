package io.ordergate.gateway.exchange;

/**
 * What {@link ExchangeIo#streamState} answers: the account's user-data stream now, and how many times it (re)connected.
 *
 * @param linkFailure why the account's link could not be made (logged once, tried again with back-off), else null
 */
public record ExchangeStreamState(boolean connected, int connects, String linkFailure)
{
}
