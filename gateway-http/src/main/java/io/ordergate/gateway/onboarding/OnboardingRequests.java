package io.ordergate.gateway.onboarding;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.ordergate.engine.user.UserBodies;
import io.ordergate.gateway.json.BadRequest;
import io.ordergate.gateway.json.RequestReader;
import io.ordergate.gateway.users.Fields;

/** The bodies of seed 002's onboarding routes, decoded and checked. Stateless. */
public final class OnboardingRequests
{
    static final int MAX_PAIRS = 64;
    private static final String[] ACCOUNT_TYPES = {"demo", "live"};

    private OnboardingRequests()
    {
    }

    /** PUT /api/v1/onboarding/brokers. */
    public record Broker(String brokerName, String accountNumber, int accountType, String label)
    {
    }

    /** PUT /api/v1/onboarding/preferences: risk percent at wire digits, or {@link RequestReader#NULL}. */
    public record Preferences(long wireRiskPercent, boolean disclaimerAccepted, List<String> preferredPairs)
    {
    }

    public static Broker broker(final RequestReader in, final byte[] body, final int length) throws BadRequest
    {
        in.begin(body, length, false);
        String name = null;
        String number = null;
        int type = UserBodies.ACCOUNT_TYPE_DEMO;
        String label = "";
        while (in.nextField())
        {
            final String field = in.fieldName();
            switch (field)
            {
                case "broker_name": name = in.string(field, 128); break;
                case "account_number": number = accountNumber(in, field); break;
                case "account_type":
                    final String text = in.string(field, 8);
                    final int index = text == null ? -1 : List.of(ACCOUNT_TYPES).indexOf(text.toLowerCase(Locale.ROOT));
                    if (text != null && index < 0)
                    {
                        in.fail(field, "account_type must be demo or live");
                    }
                    type = index == 1 ? UserBodies.ACCOUNT_TYPE_LIVE : UserBodies.ACCOUNT_TYPE_DEMO;
                    break;
                case "label":
                    final String given = in.string(field, 128);
                    label = given == null ? "" : given;
                    break;
                default: in.unknownField(field);
            }
        }
        if (name == null || name.isBlank())
        {
            in.fail("broker_name", "broker_name is required");
        }
        if (number == null)
        {
            in.fail("account_number", "account_number is required");
        }
        in.finish();
        return new Broker(name, number, type, label);
    }

    public static Preferences preferences(final RequestReader in, final byte[] body, final int length) throws BadRequest
    {
        in.begin(body, length, false);
        long risk = RequestReader.NULL;
        Boolean disclaimer = null;
        List<String> pairs = List.of();
        while (in.nextField())
        {
            final String field = in.fieldName();
            switch (field)
            {
                case "risk_percent": risk = in.positiveDecimal(field); break;
                case "disclaimer_accepted": disclaimer = Fields.bool(in, field); break;
                case "preferred_pairs": pairs = pairs(in, field); break;
                default: in.unknownField(field);
            }
        }
        if (disclaimer == null && !in.hasProblem())
        {
            in.fail("disclaimer_accepted", "disclaimer_accepted is required (true or false)");
        }
        in.finish();
        return new Preferences(risk, Boolean.TRUE.equals(disclaimer), pairs);
    }

    private static String accountNumber(final RequestReader in, final String field) throws BadRequest
    {
        if (in.token() == com.fasterxml.jackson.core.JsonToken.VALUE_NUMBER_INT)
        {
            final long number = in.wholeNumber(field);
            return number < 0 ? null : Long.toString(number);
        }
        final String text = in.string(field, 32);
        if (text != null && !text.matches("[A-Za-z0-9._-]{1,32}"))
        {
            in.fail(field, "account_number must be 1 to 32 of A-Z a-z 0-9 . _ -");
            return null;
        }
        return text;
    }

    private static List<String> pairs(final RequestReader in, final String field) throws BadRequest
    {
        if (in.isNull() || !in.expectArray(field))
        {
            return List.of();
        }
        final List<String> pairs = new ArrayList<>();
        while (in.nextElement())
        {
            final String symbol = in.string(field, 16);
            if (symbol == null || !symbol.matches("[A-Za-z0-9._-]{1,16}"))
            {
                in.fail(field, "preferred_pairs must hold instrument symbols");
            }
            else if (pairs.size() == MAX_PAIRS)
            {
                in.fail(field, "preferred_pairs holds more than " + MAX_PAIRS);
            }
            else if (!pairs.contains(symbol.toUpperCase(Locale.ROOT)))
            {
                pairs.add(symbol.toUpperCase(Locale.ROOT));
            }
        }
        return List.copyOf(pairs);
    }
}
