package io.ordergate.gateway.exchange;

import java.util.logging.Logger;

import io.ordergate.exchange.venue.ExchangeOutbox;

/**
 * What becomes of an outbox record whose exchange account has no link (no credentials the connector can use): nothing
 * is lost silently. Stateless; the connector's I/O threads.
 */
final class UnsentRecords
{
    private static final Logger LOG = Logger.getLogger(UnsentRecords.class.getName());

    private UnsentRecords()
    {
    }

    /**
     * An order to place is reported rejected through the account's reports (null on a member that does not lead, which
     * reports nothing: the leader does), so it ends {@code rejected} and its client hears why. A cancel or a follow is
     * only logged: the order may be at the exchange from an earlier link, so no outcome is known and the order stays as
     * it is ({@code routed} or {@code unknown}) until a link follows it again (the next start's recovery). Futures
     * settings stay {@code pending} and are sent again at the next start.
     */
    static void noLink(final ExchangeOutbox.Record record, final RingReports leading)
    {
        if (record.kind() == ExchangeOutbox.PLACE && leading != null)
        {
            leading.rejected(record.orderId(), "NO_CONNECTION", "not sent: the gateway has no connection to the exchange for account "
                + record.accountId() + " (no credentials it can use; set them again with POST /api/v1/accounts/{id}/update-credentials)");
            return;
        }
        LOG.warning(() -> "no connection for exchange account " + record.accountId() + "; its " + OutboxRecords.kind(record) + " is not sent");
    }
}
