package io.ordergate.mt5;

import io.ordergate.engine.EngineContext;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.view.JsonWriter;

/**
 * Seed 004's answers to a connect, a connection test and a sync, written when the terminal has answered (or when the
 * gateway stopped waiting: 202 with what is known so far). Stateless: engine thread.
 */
final class InvestorAnswers
{
    private InvestorAnswers()
    {
    }

    static void outcome(final EngineContext context, final InvestorOp op, final CommandEvent event)
    {
        if (op.done && !op.success && op.kind != InvestorOp.SYNC)
        {
            // Refused credentials (or a cancelled request): the contract's error, with the terminal's words.
            event.reject(ResultCode.VALIDATION_ERROR, op.message, op.kind == InvestorOp.TEST || "ERROR".equals(op.status) ? "investorPassword" : null);
            return;
        }
        final JsonWriter json = context.beginJson(event).startObject();
        switch (op.kind)
        {
            case InvestorOp.CONNECT:
                json.name("success").bool(true);
                accountId(json.name("accountId"), op.accountId);
                json.name("status").string(op.done ? op.status : "PENDING");
                json.name("message").string(op.done ? op.message
                    : "the terminal has not answered yet: GET /api/mt5/status/{tradingAccountId} shows when it does");
                break;
            case InvestorOp.TEST:
                json.name("success").bool(op.done);
                json.name("message").string(op.done ? op.message : "the terminal has not answered yet");
                if (op.done && op.accountInfoLength > 0)
                {
                    json.name("accountInfo").raw(op.accountInfo, 0, op.accountInfoLength);
                }
                break;
            default:
                json.name("success").bool(op.done && op.success);
                json.name("synced").number(op.synced);
                json.name("skipped").number(op.skipped);
                json.name("errors").startArray();
                for (int i = 0; i < Math.min(op.errorCount, InvestorOp.MAX_ERRORS); i++)
                {
                    json.string(op.errors[i]);
                }
                json.endArray();
                json.name("total").number(op.synced + op.skipped + op.errorCount);
                json.name("message").string(!op.done ? "the terminal is still answering: " + op.pages + " page(s) so far"
                    : op.success ? "Synced " + op.synced + " trades, skipped " + op.skipped + " duplicates" : op.message);
        }
        json.endObject();
        context.endJson(event);
        event.result = op.done ? ResultCode.OK : ResultCode.ACCEPTED;
    }

    /** Seed 004's account ids are numbers: an id of digits is answered as one, any other as a string. */
    static void accountId(final JsonWriter json, final String accountId)
    {
        if (accountId == null)
        {
            json.nullValue();
            return;
        }
        boolean digits = !accountId.isEmpty() && accountId.length() <= 18 && accountId.charAt(0) != '0';
        for (int i = 0; digits && i < accountId.length(); i++)
        {
            digits = accountId.charAt(i) >= '0' && accountId.charAt(i) <= '9';
        }
        if (digits)
        {
            json.number(Long.parseLong(accountId));
        }
        else
        {
            json.string(accountId);
        }
    }
}
