package io.ordergate.gateway.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

import io.ordergate.engine.command.ResultCode;
import io.ordergate.gateway.core.Access;
import io.ordergate.gateway.core.Exchange;
import io.ordergate.gateway.core.Feature;
import io.ordergate.gateway.core.Route;
import io.ordergate.gateway.core.RouteTable;
import io.ordergate.gateway.json.BadRequest;

/**
 * The web dashboard at {@code /}: plain HTML, JavaScript and CSS served from the jar (no build step, nothing fetched
 * from elsewhere), read once at start-up. The page signs in (a user's email and password, or an API key and secret)
 * and then talks to the same API and user WebSocket as any client. Anyone may load the files; everything they show
 * comes from authenticated calls. Thread safe.
 */
public final class DashboardRoutes implements Feature
{
    /** The files under {@code /dashboard/} and their types. */
    private static final Map<String, String> FILES = Map.of(
        "app.js", "text/javascript; charset=utf-8",
        "app.css", "text/css; charset=utf-8");

    private final byte[] index = resource("index.html");
    private final Map<String, byte[]> files = Map.of("app.js", resource("app.js"), "app.css", resource("app.css"));

    @Override
    public void routes(final RouteTable.Builder table)
    {
        table.add(Route.get("/", Access.NONE, exchange -> exchange.send(200, index, "text/html; charset=utf-8")))
            .add(Route.get("/dashboard/{file}", Access.NONE, this::file));
    }

    private void file(final Exchange exchange) throws BadRequest
    {
        final String name = exchange.path().text("file");
        final byte[] body = files.get(name);
        if (body == null)
        {
            throw new BadRequest(ResultCode.NOT_FOUND, "no such file", "file");
        }
        exchange.send(200, body, FILES.get(name));
    }

    private static byte[] resource(final String name)
    {
        try (InputStream in = DashboardRoutes.class.getResourceAsStream("/dashboard/" + name))
        {
            if (in == null)
            {
                throw new IllegalStateException("the dashboard's " + name + " is not in the jar");
            }
            return in.readAllBytes();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
