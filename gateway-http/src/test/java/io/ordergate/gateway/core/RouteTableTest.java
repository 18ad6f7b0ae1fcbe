package io.ordergate.gateway.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import io.netty.handler.codec.http.HttpMethod;

import io.ordergate.engine.command.ResultCode;
import io.ordergate.gateway.json.BadRequest;

/** Matching in the one route table: literals, parameters, 404 against 405, seed rows, parameters read once. */
class RouteTableTest
{
    private static final RouteHandler NOTHING = exchange -> { };
    private static final ErrorFormat SEED = (json, code, message, field) -> json.startObject().name("error").string(message).endObject();

    private final Route list = Route.get("/api/v1/bots", Access.NONE, NOTHING);
    private final Route create = Route.post("/api/v1/bots", Access.NONE, BodyKind.JSON, NOTHING);
    private final Route seedList = Route.get("/api/v1/bots/list", Access.NONE, NOTHING);
    private final Route one = Route.get("/api/v1/bots/{bot_id}", Access.NONE, NOTHING);
    private final Route status = Route.post("/api/v1/bots/{bot_id}/status", Access.NONE, BodyKind.OPTIONAL_JSON, NOTHING);
    private final Route member = Route.delete("/api/v1/groups/{group_id}/accounts/{account_id}", Access.NONE, NOTHING);
    private final Route slash = Route.get("/api/v1/groups/", Access.NONE, NOTHING);
    private final Route heartbeat = Route.post("/api/executor/{executorId}/heartbeat", Access.NONE, BodyKind.JSON, NOTHING).errors(SEED);
    private final RouteTable table = RouteTable.builder()
        .add(list).add(create).add(seedList).add(one).add(status).add(member).add(slash).add(heartbeat)
        .notFound("/api/executor/", SEED)
        .build();
    private final RouteMatch match = new RouteMatch();

    @Test
    void shouldPreferALiteralSegmentToAParameter()
    {
        assertSame(seedList, match("GET", "/api/v1/bots/list"));
        assertSame(one, match("GET", "/api/v1/bots/b-1"));
        assertSame(status, match("POST", "/api/v1/bots/list/status"), "a literal dead end falls back to the parameter");
    }

    @Test
    void shouldTellAMethodThePathLacksFromAnUnknownPath()
    {
        assertNull(match("PUT", "/api/v1/bots"));
        assertEquals("GET, POST", match.allow());
        assertNull(match("DELETE", "/api/v1/bots/b-1/status"));
        assertEquals("POST", match.allow());
        assertNull(match("GET", "/api/v1/bots/b-1/status/extra"));
        assertNull(match.allow(), "extra segments are an unknown path, not another method");
        assertNull(match("GET", "/api/v1/bots/"), "an empty parameter never matches");
        assertNull(match.allow());
    }

    @Test
    void shouldMatchASeedsTrailingSlashOnlyWhereARowHasIt()
    {
        assertSame(slash, match("GET", "/api/v1/groups/?limit=1"));
        assertNull(match("GET", "/api/v1/bots/"));
    }

    @Test
    void shouldAnswerInTheFormatOfTheRouteOrOfThePrefix()
    {
        assertSame(heartbeat, match("POST", "/api/executor/e-1/heartbeat"));
        assertSame(SEED, match.errors());
        assertNull(match("GET", "/api/executor/e-1/heartbeat"));
        assertSame(SEED, match.errors(), "a 405 speaks the path's format");
        assertNull(match("GET", "/api/executor/e-1/nowhere"));
        assertSame(SEED, match.errors(), "a 404 under a seed's prefix speaks the seed's format");
        assertNull(match("GET", "/api/v1/nowhere"));
        assertSame(ErrorFormat.API, match.errors());
    }

    @Test
    void shouldReadPathParametersByNameWhereMatchingFoundThem() throws BadRequest
    {
        final PathParameters path = new PathParameters(match);
        assertSame(member, match("DELETE", "/api/v1/groups/g%2D1/accounts/paper-1?x=y"));
        assertEquals("g-1", path.text("group_id"), "%-decoded");
        assertEquals("paper-1", path.text("account_id"));
        assertSame(one, match("GET", "/api/v1/bots/42"));
        assertEquals(42, path.id("bot_id"));
        assertSame(one, match("GET", "/api/v1/bots/4x2"));
        assertEquals(-1, path.id("bot_id"), "not a number: -1, read in place");
        assertSame(one, match("GET", "/api/v1/bots/%C0%AF"));
        assertEquals(ResultCode.VALIDATION_ERROR, assertThrows(BadRequest.class, () -> path.text("bot_id")).code(), "an overlong UTF-8 '/'");
        assertSame(one, match("GET", "/api/v1/bots/b%201"));
        assertEquals(ResultCode.NOT_FOUND, assertThrows(BadRequest.class,
            () -> path.clientId("bot_id", 64, ResultCode.NOT_FOUND, "bot not found")).code(), "no such id can exist");
    }

    @Test
    void shouldRefuseARowGivenTwice()
    {
        assertThrows(IllegalArgumentException.class, () -> RouteTable.builder().add(list).add(Route.get("/api/v1/bots", Access.NONE, NOTHING)).build());
        assertThrows(IllegalArgumentException.class, () -> Route.get("/api/v1/bots/x{id}", Access.NONE, NOTHING));
    }

    @Test
    void shouldListEveryOperation()
    {
        assertEquals("GET /api/v1/bots", table.operations().get(0));
        assertEquals(8, table.operations().size());
    }

    private Route match(final String method, final String uri)
    {
        table.match(HttpMethod.valueOf(method), uri, match);
        return match.route();
    }
}
