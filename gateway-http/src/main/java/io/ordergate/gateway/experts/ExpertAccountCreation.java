package io.ordergate.gateway.experts;

import java.util.function.Function;

import io.ordergate.config.VenueKind;
import io.ordergate.gateway.accounts.ExchangeCredentialFields;
import io.ordergate.gateway.core.Exchange;
import io.ordergate.gateway.json.RequestBody;

/**
 * Makes the exchange account a seed-001 expert body describes ({@code exchange} with credentials) and the expert on it:
 * the exchange feature seals the credentials and publishes both as one command (EXCHANGE_CREATE_EXPERT), {@code
 * expertBody} being its expert part, so the engine makes both or neither; the expert's answer is the request's. Thread safe.
 */
@FunctionalInterface
public interface ExpertAccountCreation
{
    /**
     * @param accountId  the id the body gave the new account, or null (the exchange feature names it)
     * @param venue      the exchange the account is made on (binance or okx)
     * @param expertBody CREATE_EXPERT's body for the account id finally used: the command's expert part
     */
    void createThen(Exchange exchange, String accountId, VenueKind venue, ExchangeCredentialFields credentials,
        Function<String, RequestBody> expertBody);
}
