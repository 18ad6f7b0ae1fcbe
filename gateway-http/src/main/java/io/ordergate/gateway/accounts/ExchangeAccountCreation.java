package io.ordergate.gateway.accounts;

import io.ordergate.gateway.core.Exchange;
import io.ordergate.gateway.json.BadRequest;

/**
 * Makes an account together with its exchange credentials in one journaled command (the native
 * {@code POST /api/v1/accounts} with {@code venue: binance} and an {@code api_key}): the exchange feature seals them
 * and publishes. Thread safe.
 */
@FunctionalInterface
public interface ExchangeAccountCreation
{
    void create(Exchange exchange, AccountRequests.CreateAccount account, ExchangeCredentialFields credentials) throws BadRequest;
}
