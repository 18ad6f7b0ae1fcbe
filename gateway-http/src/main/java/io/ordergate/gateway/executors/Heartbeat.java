package io.ordergate.gateway.executors;

import io.ordergate.engine.command.BodyWriter;
import io.ordergate.gateway.json.BadRequest;
import io.ordergate.gateway.json.RequestBody;
import io.ordergate.gateway.json.RequestReader;
import io.ordergate.mt5.ExecutorBodies;
import io.ordergate.mt5.ReportedMoney;

/**
 * An executor's heartbeat ({@code POST /api/executor/{executorId}/heartbeat}, body optional, or a WebSocket
 * {@code {"type": "heartbeat"}}), as the command body it travels as: seed 000's camelCase fields, other fields
 * ignored (executors in the field send more), a null the same as no field; the metadata object is kept as sent, and
 * one over {@link ExecutorBodies#MAX_RAW_JSON} bytes refuses the heartbeat ({@link #METADATA}), and so does an account
 * whose currency has more decimal places than the gateway's money ({@link #CURRENCY_DIGITS}). Immutable.
 */
public record Heartbeat(String executorId, String status, int flags, long balance, long equity, long openPositions, byte[] metadata)
    implements RequestBody
{
    /** The field a heartbeat refused for its metadata names (too large, or not an object): counted for the operator. */
    public static final String METADATA = "metadata";
    /** The decimal places of the account's currency, as MT5 says them ({@code account_info().currency_digits}). */
    static final String CURRENCY_DIGITS = "currencyDigits";
    /**
     * The decimal places taken when a heartbeat does not say ({@link #CURRENCY_DIGITS} absent): seed 000's executors never
     * send it, nor does ours while its terminal is disconnected, so refusing them would refuse every seed executor. The
     * usual for an account currency (USD, EUR) and the gateway's money: each amount is then checked by its field.
     */
    static final int DEFAULT_CURRENCY_DIGITS = ReportedMoney.DIGITS;
    private static final String REFUSED = "the heartbeat";
    /** Says why an amount was held to cents when the executor did not say its currency's places (it may be BTC's 8). */
    private static final String REFUSED_DIGITS_TAKEN = "the heartbeat, which sent no currencyDigits (the account's currency is taken to have "
        + DEFAULT_CURRENCY_DIGITS + " decimal places; a currency of more is not supported),";

    public static Heartbeat parse(final String executorId, final RequestReader in, final byte[] body, final int length) throws BadRequest
    {
        String status = "online";
        int flags = 0;
        long balance = 0;
        long equity = 0;
        long openPositions = 0;
        String currency = null;
        long currencyDigits = DEFAULT_CURRENCY_DIGITS;
        boolean currencyDigitsSent = false;
        byte[] metadata = new byte[0];
        if (isBlank(body, length))
        {
            return new Heartbeat(executorId, status, flags, balance, equity, openPositions, metadata);
        }
        in.begin(body, length, false);
        while (in.nextField())
        {
            final String field = in.fieldName();
            if (in.isNull())
            {
                continue;
            }
            if (field.equals("status"))
            {
                final String text = SeedFields.text(in, field);
                status = text == null ? status : text;
            }
            else if (field.equals("metadata") && in.expectObject(field))
            {
                final int start = in.valueStart();
                while (in.nextField())
                {
                    final String name = in.fieldName();
                    if (in.isNull())
                    {
                        continue;
                    }
                    switch (name)
                    {
                        case "accountBalance": balance = SeedFields.moneyDecimal(in, name); flags |= ExecutorBodies.HEARTBEAT_BALANCE; break;
                        case "accountEquity": equity = SeedFields.moneyDecimal(in, name); flags |= ExecutorBodies.HEARTBEAT_EQUITY; break;
                        case "currency": currency = in.scalarText(); in.ignore(); break;  // only named in a refusal: any scalar
                        case CURRENCY_DIGITS: currencyDigits = SeedFields.whole(in, name); currencyDigitsSent = true; break;
                        case "openPositions": openPositions = SeedFields.whole(in, name); flags |= ExecutorBodies.HEARTBEAT_OPEN_POSITIONS; break;
                        default: in.ignore();
                    }
                }
                final int end = in.valueEnd(start);
                if (end - start <= ExecutorBodies.MAX_RAW_JSON)
                {
                    metadata = in.copy(start, end);
                }
                else
                {
                    // Taken without it, the heartbeat would leave the previous metadata standing as this one's
                    in.fail(field, "metadata is " + (end - start) + " bytes, more than the " + ExecutorBodies.MAX_RAW_JSON
                        + " kept: the heartbeat is refused");
                }
                money(in, flags, balance, equity, currency, currencyDigitsSent, currencyDigits);
            }
            else if (!field.equals("metadata"))
            {
                in.ignore();
            }
        }
        in.finish();
        return new Heartbeat(executorId, status, flags, balance, equity, openPositions, metadata);
    }

    /**
     * The account's money as the heartbeat reports it: refused, with one error naming the currency, when the terminal
     * says its currency has more decimal places than the gateway keeps money at (BTC at 8: every amount the account
     * books would be), before any amount that happens to fit is taken; else each amount finer than cents by its field.
     * Not sent, they are {@link #DEFAULT_CURRENCY_DIGITS}, and a refusal says so.
     */
    private static void money(final RequestReader in, final int flags, final long balance, final long equity, final String currency,
        final boolean currencyDigitsSent, final long currencyDigits)
    {
        if (currencyDigits < 0)
        {
            in.fail(CURRENCY_DIGITS, "currencyDigits must be 0 or more (the decimal places of the account's currency), was " + currencyDigits
                + ": the heartbeat is refused");
        }
        if (currencyDigits > ReportedMoney.DIGITS)
        {
            in.fail(CURRENCY_DIGITS, ReportedMoney.unsupportedCurrency(currency, currencyDigits) + ": the heartbeat is refused");
        }
        if ((flags & ExecutorBodies.HEARTBEAT_BALANCE) != 0)
        {
            SeedFields.requireMoney(in, "accountBalance", balance, currencyDigitsSent ? REFUSED : REFUSED_DIGITS_TAKEN);
        }
        if ((flags & ExecutorBodies.HEARTBEAT_EQUITY) != 0)
        {
            SeedFields.requireMoney(in, "accountEquity", equity, currencyDigitsSent ? REFUSED : REFUSED_DIGITS_TAKEN);
        }
    }

    static boolean isBlank(final byte[] body, final int length)
    {
        for (int i = 0; i < length; i++)
        {
            if (body[i] != ' ' && body[i] != '\t' && body[i] != '\r' && body[i] != '\n')
            {
                return false;
            }
        }
        return true;
    }

    @Override
    public void encode(final BodyWriter writer)
    {
        ExecutorBodies.heartbeat(writer, executorId, status, flags, balance, equity, openPositions, metadata, metadata.length);
    }
}
