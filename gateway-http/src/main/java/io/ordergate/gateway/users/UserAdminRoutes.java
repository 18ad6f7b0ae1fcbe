package io.ordergate.gateway.users;

import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.user.UserBodies;
import io.ordergate.engine.user.UserView;
import io.ordergate.engine.view.JsonWriter;
import io.ordergate.gateway.core.Access;
import io.ordergate.gateway.core.Answer;
import io.ordergate.gateway.core.Answers;
import io.ordergate.gateway.core.BodyKind;
import io.ordergate.gateway.core.Deferred;
import io.ordergate.gateway.core.ErrorFormat;
import io.ordergate.gateway.core.Exchange;
import io.ordergate.gateway.core.Feature;
import io.ordergate.gateway.core.Route;
import io.ordergate.gateway.core.RouteTable;
import io.ordergate.gateway.json.BadRequest;

/**
 * The admin's user routes: {@code POST /api/v1/users} (any role, owned accounts, a first password hashed on the
 * workers), {@code GET /api/v1/users}, {@code GET|PATCH /api/v1/users/{user_id}} (role, accounts, disabled, name).
 * Reads come from the directory; changes are commands. Thread safe.
 */
public final class UserAdminRoutes implements Feature
{
    private final UserServices users;
    private final Access admin;

    public UserAdminRoutes(final UserServices users, final Access admin)
    {
        this.users = users;
        this.admin = admin;
    }

    @Override
    public void routes(final RouteTable.Builder table)
    {
        table.add(Route.post("/api/v1/users", admin, BodyKind.JSON, this::create));
        table.add(Route.get("/api/v1/users", admin, this::list));
        table.add(Route.get("/api/v1/users/{user_id}", admin, this::get));
        table.add(Route.patch("/api/v1/users/{user_id}", admin, BodyKind.JSON, this::change));
    }

    private void create(final Exchange exchange) throws BadRequest
    {
        final AdminUserRequests.NewUser user = AdminUserRequests.newUser(exchange.json(), exchange.body(), exchange.bodyLength());
        final String problem = users.policy().problem(user.password(), user.email(), user.username());
        if (problem != null)
        {
            throw BadRequest.validation("password", "password " + problem);
        }
        if (users.directory().findByLogin(user.email()) != null)
        {
            throw new BadRequest(ResultCode.CONFLICT, "a user with this email exists", "email");
        }
        final int principal = exchange.caller().principal();
        final String userId = SignInRoutes.newId();
        final Deferred later = exchange.defer();
        users.hasher().hashAsync(user.password()).whenComplete((hash, failure) ->
        {
            if (failure != null)
            {
                SignInRoutes.busyOr(later, failure, "the password could not be hashed", "password");
                return;
            }
            later.publish(CommandType.CREATE_USER, principal, writer -> UserBodies.createUser(writer, userId, user.email(), user.username(),
                user.name(), user.role(), hash, user.accountIds()), new UserAnswer(users, userId, 201));
        });
    }

    private void list(final Exchange exchange)
    {
        final JsonWriter json = exchange.answer().startObject().name("users").startArray();
        for (final UserView user : users.directory().users())
        {
            UserJson.user(json, user);
        }
        json.endArray().endObject();
        exchange.send(200);
    }

    private void get(final Exchange exchange) throws BadRequest
    {
        final UserView user = users.directory().user(exchange.path().text("user_id"));
        if (user == null)
        {
            throw new BadRequest(ResultCode.NOT_FOUND, "user not found", "user_id");
        }
        UserJson.user(exchange.answer(), user);
        exchange.send(200);
    }

    private void change(final Exchange exchange) throws BadRequest
    {
        final String userId = exchange.path().text("user_id");
        final AdminUserRequests.UserChange change = AdminUserRequests.change(exchange.json(), exchange.body(), exchange.bodyLength());
        exchange.publish(CommandType.UPDATE_USER, writer -> UserBodies.updateUser(writer, userId, change.mask(), change.role(),
            change.disabled(), change.name(), change.accountIds()), new UserAnswer(users, userId, 200));
    }

    /** The user as the command left it (the directory has its records by the time the answer renders). */
    private record UserAnswer(UserServices users, String userId, int status) implements Answer
    {
        @Override
        public int render(final CommandEvent event, final JsonWriter json)
        {
            final int failed = Answers.failure(event, json, ErrorFormat.API);
            if (failed != 0)
            {
                return failed;
            }
            UserJson.user(json, users.directory().user(userId));
            return status;
        }
    }
}
