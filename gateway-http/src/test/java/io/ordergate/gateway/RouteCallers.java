package io.ordergate.gateway;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.ordergate.gateway.TestGateway.Key;
import io.ordergate.gateway.TestGateway.Reply;
import io.ordergate.gateway.core.GatewayContext;
import io.ordergate.gateway.core.Route;

/**
 * For the tests that walk the whole route table: the table itself, and, for those calling it as callers below admin,
 * the four callers bound to paper-1 (a read key, a signed-in viewer, a trade key, a signed-in trader) on a gateway
 * started with {@link #CONFIG}.
 */
final class RouteCallers
{
    /** Signed-in users as the other tests make them, without the per-user request budget (a 429 would hide the answer). */
    static final String CONFIG = UserClient.AUTH_YAML.replace(" }", ", requests_per_minute: 1000000 }");
    /** Takes nothing but the caller's own session, and would sign the users out for the routes after it. */
    static final String ENDS_THE_SESSION = "POST /api/v1/auth/logout";
    private static final String PASSWORD = "correct-horse-battery-9";

    /** Someone calling the gateway: a key or a signed-in user. */
    record Caller(String name, Send send)
    {
        Reply call(final String method, final String path, final String body)
        {
            return send.send(method, path, body);
        }
    }

    interface Send
    {
        Reply send(String method, String path, String body);
    }

    /** Who reads paper-1 (a read key, a viewer) and who trades it (a trade key, a trader). */
    record Callers(List<Caller> readers, List<Caller> traders)
    {
        List<Caller> all()
        {
            final List<Caller> all = new ArrayList<>(readers);
            all.addAll(traders);
            return all;
        }
    }

    private RouteCallers()
    {
    }

    /** Every row of the gateway's one route table, as a gateway on {@code dataDir}'s test configuration has it. */
    static List<Route> routes(final Path dataDir)
    {
        return new GatewayFeatures(new GatewayContext(TestGateway.config(dataDir), "test")).router().table().routes();
    }

    /** Makes the keys and users on {@code gateway} (started with {@link #CONFIG}) and signs the users in. */
    static Callers of(final TestGateway gateway)
    {
        final Key readKey = gateway.createKey("read", "paper-1");
        final Key tradeKey = gateway.createKey("trade", "paper-1");
        final UserClient people = new UserClient(gateway);
        final String viewer = people.userWith("viewer@example.com", "viewer", PASSWORD, "paper-1");
        final String trader = people.userWith("trader@example.com", "trader", PASSWORD, "paper-1");
        return new Callers(
            List.of(new Caller("a read key", (method, path, body) -> gateway.send(method, path, body, readKey)),
                new Caller("a viewer", (method, path, body) -> people.bearer(method, path, body, viewer))),
            List.of(new Caller("a trade key", (method, path, body) -> gateway.send(method, path, body, tradeKey)),
                new Caller("a trader", (method, path, body) -> people.bearer(method, path, body, trader))));
    }
}
