package io.ordergate.gateway.users;

import io.ordergate.gateway.json.BadRequest;
import io.ordergate.gateway.json.RequestReader;

/**
 * The bodies of the signed-out routes (signup, login, refresh, password reset), decoded and checked, with the field
 * at fault on the first problem. Passwords are only length-checked here; the policy is {@link PasswordPolicy}'s.
 * Stateless: the reader passed in belongs to the calling event loop.
 */
public final class UserRequests
{
    private UserRequests()
    {
    }

    /** POST /api/v1/auth/signup. {@code name} defaults to the email's local part, {@code username} to the email. */
    public record Signup(String email, String username, String name, String password)
    {
        @Override
        public String toString()
        {
            return "Signup{" + email + "}";  // never the password
        }
    }

    /** POST /api/v1/auth/login: by email or username. */
    public record Login(String login, String password, String ipAddress, String userAgent, String deviceType)
    {
        @Override
        public String toString()
        {
            return "Login{" + login + "}";
        }
    }

    public static Signup signup(final RequestReader in, final byte[] body, final int length) throws BadRequest
    {
        in.begin(body, length, false);
        String email = null;
        String username = null;
        String name = null;
        String password = null;
        while (in.nextField())
        {
            final String field = in.fieldName();
            switch (field)
            {
                case "email": email = Fields.email(in, field); break;
                case "username": username = Fields.username(in, field); break;
                case "name": name = Fields.text(in, field); break;
                case "password": password = Fields.secret(in, field); break;
                default: in.unknownField(field);
            }
        }
        Fields.usernameNotAnotherEmail(in, username, email);
        required(in, email, "email");
        required(in, password, "password");
        in.finish();
        return new Signup(email, username == null ? email : username, name == null || name.isBlank() ? email.substring(0, email.indexOf('@')) : name,
            password);
    }

    public static Login login(final RequestReader in, final byte[] body, final int length) throws BadRequest
    {
        in.begin(body, length, false);
        String email = null;
        String username = null;
        String password = null;
        String ip = "";
        String agent = "";
        String device = "";
        while (in.nextField())
        {
            final String field = in.fieldName();
            switch (field)
            {
                case "email": email = Fields.email(in, field); break;
                case "username": username = Fields.text(in, field); break;
                case "password": password = Fields.secret(in, field); break;
                case "device_info":
                    if (in.isNull() || !in.expectObject(field))
                    {
                        break;
                    }
                    while (in.nextField())
                    {
                        final String inner = in.fieldName();
                        switch (inner)
                        {
                            case "ip_address": ip = orEmpty(Fields.text(in, "device_info.ip_address")); break;
                            case "user_agent": agent = orEmpty(Fields.text(in, "device_info.user_agent")); break;
                            case "device_type": device = orEmpty(Fields.text(in, "device_info.device_type")); break;
                            default: in.unknownField("device_info." + inner);
                        }
                    }
                    break;
                default: in.unknownField(field);
            }
        }
        if (email == null && (username == null || username.isBlank()) && !in.hasProblem())
        {
            in.fail("email", "email or username is required");
        }
        required(in, password, "password");
        in.finish();
        return new Login(email != null ? email : username, password, ip, agent, device);
    }

    /** POST /api/v1/auth/refresh: the refresh token. */
    public static String refresh(final RequestReader in, final byte[] body, final int length) throws BadRequest
    {
        return oneSecret(in, body, length, "refresh_token");
    }

    /** POST /api/v1/auth/password/reset: the email (any, known or not). */
    public static String resetRequest(final RequestReader in, final byte[] body, final int length) throws BadRequest
    {
        in.begin(body, length, false);
        String email = null;
        while (in.nextField())
        {
            final String field = in.fieldName();
            if (field.equals("email"))
            {
                email = Fields.email(in, field);
            }
            else
            {
                in.unknownField(field);
            }
        }
        required(in, email, "email");
        in.finish();
        return email;
    }

    /** POST /api/v1/auth/password/reset/complete: {@code [token, new_password]}. */
    public static String[] resetComplete(final RequestReader in, final byte[] body, final int length) throws BadRequest
    {
        in.begin(body, length, false);
        String token = null;
        String password = null;
        while (in.nextField())
        {
            final String field = in.fieldName();
            switch (field)
            {
                case "token": token = Fields.secret(in, field); break;
                case "new_password": password = Fields.secret(in, field); break;
                default: in.unknownField(field);
            }
        }
        required(in, token, "token");
        required(in, password, "new_password");
        in.finish();
        return new String[] {token, password};
    }

    private static String oneSecret(final RequestReader in, final byte[] body, final int length, final String name) throws BadRequest
    {
        in.begin(body, length, false);
        String value = null;
        while (in.nextField())
        {
            final String field = in.fieldName();
            if (field.equals(name))
            {
                value = Fields.secret(in, field);
            }
            else
            {
                in.unknownField(field);
            }
        }
        required(in, value, name);
        in.finish();
        return value;
    }

    static void required(final RequestReader in, final Object value, final String field)
    {
        if (value == null || (value instanceof String && ((String)value).isEmpty()))
        {
            in.fail(field, field + " is required");
        }
    }

    private static String orEmpty(final String value)
    {
        return value == null ? "" : value;
    }
}
