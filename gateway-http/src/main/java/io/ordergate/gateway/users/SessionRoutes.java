package io.ordergate.gateway.users;

import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.user.SessionView;
import io.ordergate.engine.user.UserBodies;
import io.ordergate.engine.view.JsonWriter;
import io.ordergate.gateway.core.Access;
import io.ordergate.gateway.core.BodyKind;
import io.ordergate.gateway.core.Exchange;
import io.ordergate.gateway.core.Feature;
import io.ordergate.gateway.core.Route;
import io.ordergate.gateway.core.RouteTable;
import io.ordergate.gateway.json.BadRequest;

/**
 * A signed-in user's own view: {@code /api/v1/auth/me}, {@code permissions}, {@code sessions} and terminating one.
 * Reads are answered from the directory on the event loop; a termination is a command (journaled). Thread safe.
 */
public final class SessionRoutes implements Feature
{
    private final UserServices users;
    private final Access bearer;

    public SessionRoutes(final UserServices users)
    {
        this.users = users;
        this.bearer = SignedOut.bearer(users.bearer());
    }

    @Override
    public void routes(final RouteTable.Builder table)
    {
        table.add(Route.get("/api/v1/auth/me", bearer, this::me));
        table.add(Route.get("/api/v1/auth/permissions", bearer, this::permissions));
        table.add(Route.get("/api/v1/auth/sessions", bearer, this::sessions));
        table.add(Route.post("/api/v1/auth/sessions/{session_id}/terminate", bearer, BodyKind.NONE, this::terminate));
    }

    private void me(final Exchange exchange)
    {
        final UserCaller caller = (UserCaller)exchange.caller();
        UserJson.context(exchange.answer(), caller.user());
        exchange.send(200);
    }

    private void permissions(final Exchange exchange)
    {
        final UserCaller caller = (UserCaller)exchange.caller();
        final JsonWriter json = UserJson.envelope(exchange.answer(), "User permissions retrieved");
        UserJson.permissions(json.name("permissions"), caller.user());
        json.name("role").string(caller.user().role().wireName());
        UserJson.endEnvelope(json, users.nowMillis() * 1000);
        exchange.send(200);
    }

    private void sessions(final Exchange exchange)
    {
        final UserCaller caller = (UserCaller)exchange.caller();
        final JsonWriter json = UserJson.envelope(exchange.answer(), "Active sessions retrieved");
        json.name("sessions").startArray();
        for (final SessionView session : users.directory().sessionsOf(caller.user().id()))
        {
            UserJson.session(json, session, session.id().equals(caller.session().id()));
        }
        json.endArray();
        UserJson.endEnvelope(json, users.nowMillis() * 1000);
        exchange.send(200);
    }

    private void terminate(final Exchange exchange) throws BadRequest
    {
        final String sessionId = exchange.path().text("session_id");
        exchange.publish(CommandType.END_SESSION, writer -> UserBodies.endSession(writer, sessionId),
            SignInRoutes.done(users, "Session terminated successfully"));
    }
}
