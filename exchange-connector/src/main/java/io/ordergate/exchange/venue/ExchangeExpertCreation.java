package io.ordergate.exchange.venue;

import io.ordergate.engine.account.Account;
import io.ordergate.engine.account.AccountRemoval;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.expert.ExpertRoom;

/**
 * EXCHANGE_CREATE_EXPERT (admin): seed 001's expert with an {@code exchange} block, its exchange account and the expert
 * on it in one journaled step. The account is made as EXCHANGE_CREATE_ACCOUNT makes it, then the expert on it as
 * CREATE_EXPERT does; an expert the engine refuses (its table full, say) takes the account back in the same step. So the
 * state holds both or neither at every point of the journal: two commands left an account nobody asked for when a crash
 * fell between them. The expert's answer (or refusal) is the command's. <b>Not thread safe</b>: engine thread.
 */
final class ExchangeExpertCreation
{
    private final ExchangeAccountFlow accounts;
    private final ExpertRoom experts;
    private final AccountRemoval removal;

    ExchangeExpertCreation(final ExchangeAccountFlow accounts, final ExpertRoom experts, final AccountRemoval removal)
    {
        this.accounts = accounts;
        this.experts = experts;
        this.removal = removal;
    }

    void create(final CommandEvent event)
    {
        final Account account = accounts.makeAccount(event);
        if (account != null && !experts.create(event, accounts.madeBodyEnd()))
        {
            // a record journaled before ANSWER_EXPERT kept the slot: it replays as it was decided
            removal.takeBack(account, event, accounts.madeAnswer() == ExchangeBodies.ANSWER_EXPERT);
        }
    }
}
