package io.ordergate.gateway.orders;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.agrona.concurrent.UnsafeBuffer;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.view.JsonWriter;
import io.ordergate.gateway.core.Accesses;
import io.ordergate.gateway.core.Answer;
import io.ordergate.gateway.core.Answers;
import io.ordergate.gateway.core.Caller;
import io.ordergate.gateway.core.ErrorFormat;
import io.ordergate.gateway.core.Exchange;
import io.ordergate.gateway.core.Feature;
import io.ordergate.gateway.core.Route;
import io.ordergate.gateway.core.RouteTable;
import io.ordergate.gateway.core.Scope;
import io.ordergate.gateway.json.BadRequest;
import io.ordergate.gateway.json.RequestReader;
import io.ordergate.gateway.users.UserCaller;

/**
 * CSV exports for the {@code exporter} role and above (admin users and admin keys): {@code GET /api/v1/trades.csv}
 * and {@code GET /api/v1/orders.csv}, with the list routes' filters ({@code account_id}, {@code status},
 * {@code limit}) over the accounts the caller may see. The engine answers the list as JSON; the reply stage writes it as
 * CSV (RFC 4180: a header line, CRLF, fields quoted when they hold a comma, a quote or a line break). Thread safe.
 */
public final class ExportRoutes implements Feature
{
    static final String[] TRADE_COLUMNS = {"trade_id", "order_id", "account_id", "symbol", "side", "quantity", "price",
        "realized_pnl", "position_id", "time"};
    static final String[] ORDER_COLUMNS = {"order_id", "client_order_id", "account_id", "symbol", "side", "type", "quantity",
        "price", "stop_loss", "take_profit", "time_in_force", "status", "filled_quantity", "average_price", "venue_order_id",
        "reject_code", "created_at", "updated_at"};

    private final Accesses access;

    public ExportRoutes(final Accesses access)
    {
        this.access = access;
    }

    @Override
    public void routes(final RouteTable.Builder table)
    {
        table.add(Route.get("/api/v1/trades.csv", access.scope(Scope.READ), exchange -> export(exchange, CommandType.LIST_TRADES,
            new Csv("trades", TRADE_COLUMNS))));
        table.add(Route.get("/api/v1/orders.csv", access.scope(Scope.READ), exchange -> export(exchange, CommandType.LIST_ORDERS,
            new Csv("orders", ORDER_COLUMNS))));
    }

    private static void export(final Exchange exchange, final CommandType type, final Csv csv) throws BadRequest
    {
        final Caller caller = exchange.caller();
        final boolean allowed = caller instanceof UserCaller
            ? ((UserCaller)caller).user().role().allows("exports:read")
            : caller.allows(Scope.ADMIN);
        if (!allowed)
        {
            throw new BadRequest(ResultCode.FORBIDDEN, "exports need the exporter role (or admin)", null);
        }
        exchange.publish(type, ListQuery.read(type, exchange.query()), csv);
    }

    /** Renders the engine's {@code {"<list>": [{...}, ...]}} as CSV with the given columns, in that order. */
    private record Csv(String list, String[] columns) implements Answer
    {
        @Override
        public int render(final CommandEvent event, final JsonWriter json)
        {
            final int failed = Answers.failure(event, json, ErrorFormat.API);
            if (failed != 0)
            {
                return failed;
            }
            final StringBuilder out = new StringBuilder(256).append(String.join(",", columns)).append("\r\n");
            final byte[] body = new byte[event.outputLength];
            event.output.getBytes(0, body);
            try (JsonParser parser = RequestReader.FACTORY.createParser(body))
            {
                while (parser.nextToken() != null)
                {
                    if (parser.currentToken() == JsonToken.FIELD_NAME && list.equals(parser.currentName()) && parser.getParsingContext().getParent().inRoot())
                    {
                        parser.nextToken();
                        rows(parser, out);
                        break;
                    }
                }
            }
            catch (final IOException ex)
            {
                throw new IllegalStateException("the engine's list is not JSON", ex);
            }
            final byte[] csv = out.toString().getBytes(StandardCharsets.UTF_8);
            json.raw(new UnsafeBuffer(csv), 0, csv.length);
            return 200;
        }

        private void rows(final JsonParser parser, final StringBuilder out) throws IOException
        {
            final List<String> names = List.of(columns);
            while (parser.nextToken() == JsonToken.START_OBJECT)
            {
                final List<String> row = new ArrayList<>(names.size());
                for (int i = 0; i < names.size(); i++)
                {
                    row.add("");
                }
                while (parser.nextToken() == JsonToken.FIELD_NAME)
                {
                    final int column = names.indexOf(parser.currentName());
                    final JsonToken value = parser.nextToken();
                    if (value.isStructStart())
                    {
                        parser.skipChildren();
                    }
                    else if (column >= 0 && value != JsonToken.VALUE_NULL)
                    {
                        row.set(column, field(parser.getText()));
                    }
                }
                out.append(String.join(",", row)).append("\r\n");
            }
        }

        private static String field(final String text)
        {
            return text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0
                ? text : '"' + text.replace("\"", "\"\"") + '"';
        }

        @Override
        public CharSequence contentType()
        {
            return "text/csv; charset=utf-8";
        }
    }
}
