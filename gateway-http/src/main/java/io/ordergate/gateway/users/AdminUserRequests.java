package io.ordergate.gateway.users;

import java.util.List;

import io.ordergate.engine.user.Role;
import io.ordergate.engine.user.UserBodies;
import io.ordergate.gateway.json.BadRequest;
import io.ordergate.gateway.json.RequestReader;

/** The bodies of the admin user routes: {@code POST /api/v1/users} and {@code PATCH /api/v1/users/{user_id}}. Stateless. */
public final class AdminUserRequests
{
    public static final int MAX_USER_ACCOUNTS = 1000;
    private static final String ROLES = "admin, trader, viewer or exporter";

    private AdminUserRequests()
    {
    }

    /** A user an admin makes: any role, the accounts it owns, its first password. */
    public record NewUser(String email, String username, String name, Role role, List<String> accountIds, String password)
    {
        @Override
        public String toString()
        {
            return "NewUser{" + email + ", " + role + ", " + accountIds + "}";
        }
    }

    /** What a PATCH changes: {@code mask} has a {@code UserBodies.UPDATE_*} bit per field given. */
    public record UserChange(int mask, Role role, boolean disabled, String name, List<String> accountIds)
    {
    }

    public static NewUser newUser(final RequestReader in, final byte[] body, final int length) throws BadRequest
    {
        in.begin(body, length, false);
        String email = null;
        String username = null;
        String name = null;
        Role role = null;
        List<String> accounts = null;
        String password = null;
        while (in.nextField())
        {
            final String field = in.fieldName();
            switch (field)
            {
                case "email": email = Fields.email(in, field); break;
                case "username": username = Fields.username(in, field); break;
                case "name": name = Fields.text(in, field); break;
                case "role": role = role(in, field); break;
                case "account_ids": accounts = Fields.ids(in, field, MAX_USER_ACCOUNTS); break;
                case "password": password = Fields.secret(in, field); break;
                default: in.unknownField(field);
            }
        }
        Fields.usernameNotAnotherEmail(in, username, email);
        UserRequests.required(in, email, "email");
        UserRequests.required(in, role, "role");
        UserRequests.required(in, password, "password");
        in.finish();
        return new NewUser(email, username == null ? email : username,
            name == null || name.isBlank() ? email.substring(0, email.indexOf('@')) : name, role,
            accounts == null ? List.of() : List.copyOf(accounts), password);
    }

    public static UserChange change(final RequestReader in, final byte[] body, final int length) throws BadRequest
    {
        in.begin(body, length, false);
        int mask = 0;
        Role role = null;
        boolean disabled = false;
        String name = null;
        List<String> accounts = List.of();
        while (in.nextField())
        {
            final String field = in.fieldName();
            switch (field)
            {
                case "role":
                    role = role(in, field);
                    mask |= UserBodies.UPDATE_ROLE;
                    UserRequests.required(in, role, field);
                    break;
                case "disabled":
                    final Boolean flag = Fields.bool(in, field);
                    UserRequests.required(in, flag, field);
                    disabled = Boolean.TRUE.equals(flag);
                    mask |= UserBodies.UPDATE_DISABLED;
                    break;
                case "name":
                    name = Fields.text(in, field);
                    UserRequests.required(in, name, field);
                    mask |= UserBodies.UPDATE_NAME;
                    break;
                case "account_ids":
                    final List<String> ids = Fields.ids(in, field, MAX_USER_ACCOUNTS);
                    UserRequests.required(in, ids, field);
                    accounts = ids == null ? List.of() : List.copyOf(ids);
                    mask |= UserBodies.UPDATE_ACCOUNTS;
                    break;
                default: in.unknownField(field);
            }
        }
        if (mask == 0 && !in.hasProblem())
        {
            in.fail(null, "give at least one of role, account_ids, disabled, name");
        }
        in.finish();
        return new UserChange(mask, role, disabled, name, accounts);
    }

    private static Role role(final RequestReader in, final String field) throws BadRequest
    {
        final String text = in.string(field, 16);
        final Role role = Role.fromWireName(text);
        if (text != null && role == null)
        {
            in.fail(field, field + " must be " + ROLES);
        }
        return role;
    }
}
