package io.ordergate.gateway.users;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a new password must be: at least the configured length, at most {@link #MAX_LENGTH} characters (hashing cost
 * is bounded), not one of the bundled common passwords, and not the user's own email or username. Immutable after
 * construction: safe from any thread.
 */
public final class PasswordPolicy
{
    public static final int MAX_LENGTH = 256;
    static final String COMMON_RESOURCE = "/io/ordergate/gateway/users/common-passwords.txt";

    private final int minLength;
    private final Set<String> common;

    public PasswordPolicy(final int minLength)
    {
        this.minLength = minLength;
        this.common = load();
    }

    /**
     * @return null when the password is acceptable, else the message for a 400 on the field
     */
    public String problem(final String password, final String email, final String username)
    {
        if (password == null || password.isEmpty())
        {
            return "is required";
        }
        return problemOfNormal(Fields.normalPassword(password), email, username);
    }

    /** Judged as it is hashed, in NFC: "é" is one character in either form, and the email in another form is the email. */
    private String problemOfNormal(final String password, final String email, final String username)
    {
        final int length = password.codePointCount(0, password.length());
        if (length < minLength)
        {
            return "must be at least " + minLength + " characters";
        }
        if (length > MAX_LENGTH)
        {
            return "must be at most " + MAX_LENGTH + " characters";
        }
        final String lower = password.toLowerCase(Locale.ROOT);
        if (common.contains(lower))
        {
            return "is too common: choose one that is not on lists of leaked passwords";
        }
        if (lower.equals(lowerOrNull(email)) || lower.equals(lowerOrNull(username)) || lower.equals(localPart(email)))
        {
            return "must not be your email or username";
        }
        return null;
    }

    int commonCount()
    {
        return common.size();
    }

    private static String lowerOrNull(final String value)
    {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }

    private static String localPart(final String email)
    {
        final int at = email == null ? -1 : email.indexOf('@');
        return at <= 0 ? null : email.substring(0, at).toLowerCase(Locale.ROOT);
    }

    private static Set<String> load()
    {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(COMMON_RESOURCE))
        {
            if (in == null)
            {
                throw new IllegalStateException("missing resource " + COMMON_RESOURCE);
            }
            final Set<String> words = new HashSet<>();
            final BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine())
            {
                if (!line.isBlank() && !line.startsWith("#"))
                {
                    words.add(line.trim().toLowerCase(Locale.ROOT));
                }
            }
            return words;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read " + COMMON_RESOURCE, ex);
        }
    }
}
