package io.ordergate.gateway.users;

import java.net.IDN;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonToken;

import io.ordergate.gateway.json.BadRequest;
import io.ordergate.gateway.json.RequestReader;

/** Value readers the users feature needs beyond {@link RequestReader}'s: booleans, emails, lists of ids. Stateless. */
public final class Fields
{
    static final int MAX_SECRET = 1024;
    static final int MAX_TEXT = 256;
    static final int MAX_ID = 64;
    /**
     * Deliberately plain: something, an at sign, a dotted domain (its labels may be internationalised: letters and digits
     * of any script, RFC 5890); the mail server has the last word.
     */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s\"<>()\\[\\],;:\\\\]{1,64}@[\\p{L}\\p{M}\\p{N}-]+(\\.[\\p{L}\\p{M}\\p{N}-]+)+");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1," + MAX_ID + "}");
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@+-]{3,254}");

    private Fields()
    {
    }

    /** true, false, or null for JSON null; records a problem (and skips the value) when it is anything else. */
    public static Boolean bool(final RequestReader in, final String field) throws BadRequest
    {
        final JsonToken token = in.token();
        if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE)
        {
            return token == JsonToken.VALUE_TRUE;
        }
        if (token == JsonToken.VALUE_NULL)
        {
            return null;
        }
        in.fail(field, field + " must be true or false");
        if (token == JsonToken.START_OBJECT)
        {
            in.expectArray(field);  // not an array: skips the object
        }
        else if (token == JsonToken.START_ARRAY)
        {
            in.expectObject(field);
        }
        return null;
    }

    /** An email address, as {@link #normalLogin} makes it; records a problem when malformed. */
    static String email(final RequestReader in, final String field) throws BadRequest
    {
        final String text = in.string(field, 254);
        if (text == null)
        {
            return null;
        }
        if (!EMAIL.matcher(text).matches() || withAsciiDomain(text) == null)
        {
            in.fail(field, field + " must be an email address, like name@example.com");
            return null;
        }
        return normalLogin(text);
    }

    /**
     * The one form of an email or username that accounts are told apart by: lower-cased, then in Unicode NFC, since the
     * same address may come composed ({@code é}) or decomposed ({@code e} and a combining accent) and a mail server
     * delivers both to one mailbox (RFC 6532); NFC last, as lower-casing may decompose ({@code İ}).
     */
    static String normalLogin(final String login)
    {
        final int at = login.lastIndexOf('@');
        // an internationalised domain comes as typed (U-labels) or as a mail server spells it (xn-- A-labels): one domain
        final String domain = at < 0 ? login : login.substring(0, at + 1) + IDN.toUnicode(login.substring(at + 1), IDN.ALLOW_UNASSIGNED);
        return Normalizer.normalize(domain.toLowerCase(Locale.ROOT), Normalizer.Form.NFC);
    }

    /**
     * The address with its domain in ASCII (xn-- A-labels, RFC 5890), as every mail server reads it; the local part as
     * it is. Null when the domain has no ASCII form (a label too long).
     */
    static String withAsciiDomain(final String email)
    {
        final int at = email.lastIndexOf('@');
        try
        {
            return at < 0 ? email : email.substring(0, at + 1) + IDN.toASCII(email.substring(at + 1), IDN.ALLOW_UNASSIGNED);
        }
        catch (final IllegalArgumentException ex)
        {
            return null;
        }
    }

    /**
     * The one form of a password that is hashed and checked: Unicode NFC, since a device may send what the user typed
     * composed ({@code é}) or decomposed ({@code e} and a combining accent), and either must be the same password.
     * Letter case is kept: it is part of the password.
     */
    static String normalPassword(final String password)
    {
        return Normalizer.normalize(password, Normalizer.Form.NFC);
    }

    /** A username, lower-cased: 3 to 254 of letters, digits and . _ @ + -. */
    static String username(final RequestReader in, final String field) throws BadRequest
    {
        final String text = in.string(field, 254);
        if (text != null && !USERNAME.matcher(text).matches())
        {
            in.fail(field, field + " must be 3 to 254 of A-Z a-z 0-9 . _ @ + -");
            return null;
        }
        return text == null ? null : text.toLowerCase(Locale.ROOT);
    }

    /**
     * A username with an at sign must be the user's own email (the default username): logins and resets find a user by
     * email or username alike, so a username that is another address would squat that address's owner (their signup
     * answered 409, their login and reset resolved to this user).
     */
    static void usernameNotAnotherEmail(final RequestReader in, final String username, final String email)
    {
        if (username != null && email != null && username.indexOf('@') >= 0 && !normalLogin(username).equals(email))
        {
            in.fail("username", "username must not contain @ unless it is the user's own email (it would name another address)");
        }
    }

    /** Text of at most {@link #MAX_TEXT} characters, or null. */
    static String text(final RequestReader in, final String field) throws BadRequest
    {
        return in.string(field, MAX_TEXT);
    }

    /** A password or token: a string of at most {@link #MAX_SECRET} characters, or null. */
    static String secret(final RequestReader in, final String field) throws BadRequest
    {
        return in.string(field, MAX_SECRET);
    }

    /** An array of distinct ids ({@code [A-Za-z0-9._-]{1,64}}), at most {@code max}; null for JSON null. */
    static List<String> ids(final RequestReader in, final String field, final int max) throws BadRequest
    {
        if (in.isNull() || !in.expectArray(field))
        {
            return null;
        }
        final List<String> ids = new ArrayList<>();
        while (in.nextElement())
        {
            final String id = in.string(field, MAX_ID);
            if (id == null || !ID.matcher(id).matches())
            {
                in.fail(field, field + " must hold ids (1 to 64 of A-Z a-z 0-9 . _ -)");
            }
            else if (ids.contains(id))
            {
                in.fail(field, field + " names " + id + " twice");
            }
            else if (ids.size() == max)
            {
                in.fail(field, field + " holds more than " + max);
            }
            else
            {
                ids.add(id);
            }
        }
        return ids;
    }

    static boolean isId(final String text)
    {
        return text != null && ID.matcher(text).matches();
    }
}
