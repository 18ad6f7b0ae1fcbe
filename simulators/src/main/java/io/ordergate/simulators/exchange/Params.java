package io.ordergate.simulators.exchange;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.netty.handler.codec.http.QueryStringDecoder;

/**
 * A request's parameters as the exchange reads them: the query string and a form body together, a name sent twice
 * refused (-1101), a mandatory one missing or empty refused (-1102), an enum or number malformed refused with the
 * exchange's code. The raw texts are kept for the signature. <b>Not thread safe</b>: one request, one thread.
 */
final class Params
{
    private final String rawQuery;
    private final String rawBody;
    private final Map<String, String> values = new LinkedHashMap<>();

    Params(final String rawQuery, final String rawBody)
    {
        this.rawQuery = rawQuery == null ? "" : rawQuery;
        this.rawBody = rawBody == null ? "" : rawBody;
        take(this.rawQuery);
        take(this.rawBody);
    }

    private void take(final String raw)
    {
        if (raw.isEmpty())
        {
            return;
        }
        final Map<String, List<String>> decoded = new QueryStringDecoder(raw, false).parameters();
        for (final Map.Entry<String, List<String>> entry : decoded.entrySet())
        {
            if (entry.getValue().size() > 1 || values.containsKey(entry.getKey()))
            {
                throw ExchangeError.badRequest(-1101, "Duplicate values for a parameter detected.");
            }
            values.put(entry.getKey(), entry.getValue().get(0));
        }
    }

    String rawQuery()
    {
        return rawQuery;
    }

    String rawBody()
    {
        return rawBody;
    }

    boolean has(final String name)
    {
        final String value = values.get(name);
        return value != null && !value.isEmpty();
    }

    /** The value, or null when not sent; an empty value is refused as the exchange does (-1105). */
    String optional(final String name)
    {
        final String value = values.get(name);
        if (value != null && value.isEmpty())
        {
            throw ExchangeError.badRequest(-1105, "Parameter '" + name + "' was empty.");
        }
        return value;
    }

    String mandatory(final String name)
    {
        final String value = values.get(name);
        if (value == null || value.isEmpty())
        {
            throw ExchangeError.mandatory(name);
        }
        return value;
    }

    long mandatoryLong(final String name)
    {
        return parseLong(name, mandatory(name));
    }

    /** A LONG parameter, or {@code absent} when not sent. */
    long optionalLong(final String name, final long absent)
    {
        final String value = optional(name);
        return value == null ? absent : parseLong(name, value);
    }

    /** {@code origClientOrderId} when no {@code orderId} is given (then null); one of the two is mandatory (-1102). */
    String originalClientOrderId()
    {
        if (has("orderId"))
        {
            return null;
        }
        final String original = optional("origClientOrderId");
        if (original == null)
        {
            throw ExchangeError.badRequest(-1102, "Param 'origClientOrderId' or 'orderId' must be sent, but both were empty/null!");
        }
        return original;
    }

    /**
     * A DECIMAL parameter that this order type must send ({@code wanted}) or must not: missing when wanted is -1102
     * "mandatory", sent when not wanted is -1106 "sent when not required"; null when rightly absent.
     */
    BigDecimal decimalIf(final String name, final boolean wanted)
    {
        final BigDecimal value = optionalDecimal(name);
        if (wanted && value == null)
        {
            throw ExchangeError.mandatory(name);
        }
        if (!wanted && value != null)
        {
            throw ExchangeError.notRequired(name);
        }
        return value;
    }

    /** A DECIMAL parameter, or null when not sent. */
    BigDecimal optionalDecimal(final String name)
    {
        final String value = optional(name);
        if (value == null)
        {
            return null;
        }
        try
        {
            final BigDecimal decimal = new BigDecimal(value);
            if (decimal.signum() < 0)
            {
                throw ExchangeError.badRequest(-1100, "Illegal characters found in parameter '" + name + "'; legal range is '^([0-9]{1,20})(\\.[0-9]{1,20})?$'.");
            }
            return decimal;
        }
        catch (final NumberFormatException ex)
        {
            throw ExchangeError.badRequest(-1100, "Illegal characters found in parameter '" + name + "'; legal range is '^([0-9]{1,20})(\\.[0-9]{1,20})?$'.");
        }
    }

    /** The names sent, in order (for "not all sent parameters were read" checks). */
    java.util.Set<String> names()
    {
        return values.keySet();
    }

    private static long parseLong(final String name, final String value)
    {
        try
        {
            return Long.parseLong(value);
        }
        catch (final NumberFormatException ex)
        {
            throw ExchangeError.badRequest(-1100, "Illegal characters found in parameter '" + name + "'; legal range is '^[0-9]{1,20}$'.");
        }
    }
}
