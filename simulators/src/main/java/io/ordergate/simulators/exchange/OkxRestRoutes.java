package io.ordergate.simulators.exchange;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.ordergate.simulators.SimulatorJson;

/**
 * Every plain HTTP request to the simulated OKX: the rate-limit fault first (429, 50011), the public routes, then the
 * private ones after {@link OkxAuth}, each answered by {@link OkxTrade}. An order placement may meet the
 * fail-after-placing fault: the order exists, the client gets 503 (50001) or no answer at all. Runs on the Netty event
 * loops; shared by every connection.
 */
final class OkxRestRoutes extends SimpleChannelInboundHandler<FullHttpRequest>
{
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(OkxRestRoutes.class.getName());

    private final OkxAuth auth;
    private final OkxTrade trade;
    private final Faults faults;
    private final SpotMarket market;
    /** How many times each OKX code was answered (the envelope's, or an order's sCode), for tests that must know a fault was met. */
    private final Map<String, Integer> codesAnswered = new ConcurrentHashMap<>();

    OkxRestRoutes(final OkxAuth auth, final OkxTrade trade, final Faults faults, final SpotMarket market)
    {
        this.auth = auth;
        this.trade = trade;
        this.faults = faults;
        this.market = market;
    }

    @Override
    public boolean isSharable()
    {
        return true;
    }

    int codesAnswered(final String code)
    {
        return codesAnswered.getOrDefault(code, 0);
    }

    @Override
    protected void channelRead0(final ChannelHandlerContext ctx, final FullHttpRequest request)
    {
        final QueryStringDecoder uri = new QueryStringDecoder(request.uri());
        final String method = request.method().name();
        final String body = request.content().toString(StandardCharsets.UTF_8);
        final boolean keepAlive = HttpUtil.isKeepAlive(request);
        int status = 200;
        Map<String, Object> answer;
        try
        {
            if (System.currentTimeMillis() < faults.bannedUntilMillis() || faults.takeRateLimit() > 0)
            {
                throw new OkxError(429, "50011", "Too Many Requests");
            }
            final Routed routed = route(method, uri, request, body);
            answer = routed == null ? null : routed.answer();
            if (routed == null)
            {
                status = 404;
                answer = OkxShapes.envelope("50000", "Not Found", List.of());
            }
            else if (routed.fault() == Faults.FailMode.NO_ANSWER)
            {
                return;  // the order exists; the client hears nothing and times out
            }
            else if (routed.fault() != null)
            {
                status = 503;
                answer = OkxShapes.envelope("50001", "Service temporarily unavailable. Please try again later.", List.of());
            }
        }
        catch (final OkxError error)
        {
            status = error.status;
            final boolean item = status == 200;  // an order's own refusal is its sCode under code "1"
            answer = item ? OkxShapes.envelope("1", "All operations failed", List.of(OkxShapes.item("", "", error.code, error.getMessage(), market.now())))
                : OkxShapes.envelope(error.code, error.getMessage(), List.of());
        }
        count(answer);
        final String json = SimulatorJson.write(answer);
        final long delayMillis = "/api/v5/public/instruments".equals(uri.path()) ? faults.instrumentsDelayMillis() : 0;
        if (delayMillis > 0)
        {
            final int late = status;
            ctx.executor().schedule(() -> write(ctx, late, json, keepAlive), delayMillis, TimeUnit.MILLISECONDS);
            return;
        }
        write(ctx, status, json, keepAlive);
    }

    /** A route's answer, and the fault a placement met after the order was made (null for none). */
    private record Routed(Map<String, Object> answer, Faults.FailMode fault)
    {
    }

    private Routed route(final String method, final QueryStringDecoder uri, final FullHttpRequest request, final String body)
    {
        final String path = uri.path();
        final Map<String, String> query = query(uri);
        if ("GET".equals(method) && "/api/v5/public/time".equals(path))
        {
            return new Routed(OkxShapes.envelope("0", "", List.of(Map.of("ts", Long.toString(market.now())))), null);
        }
        if ("GET".equals(method) && "/api/v5/public/instruments".equals(path))
        {
            return new Routed(trade.instruments(query), null);
        }
        final boolean post = "POST".equals(method);
        final String key = method + " " + path;
        if (!"POST /api/v5/trade/order".equals(key) && !"POST /api/v5/trade/cancel-order".equals(key) && !"GET /api/v5/trade/order".equals(key)
            && !"GET /api/v5/account/balance".equals(key))
        {
            return null;
        }
        // OKX signs the request path with its query exactly as sent
        final SpotAccount account = auth.rest(request.headers(), method, request.uri(), post ? body : "");
        switch (key)
        {
            case "POST /api/v5/trade/order":
            {
                final Map<String, Object> placed = trade.place(account, json(body));
                return new Routed(placed, faults.takeFailAfterPlacing());
            }
            case "POST /api/v5/trade/cancel-order":
                return new Routed(trade.cancel(account, json(body)), null);
            case "GET /api/v5/trade/order":
                return new Routed(trade.query(account, query), null);
            default:
                return new Routed(trade.balance(account, query), null);
        }
    }

    private static Map<String, Object> json(final String body)
    {
        try
        {
            return SimulatorJson.parseObject(body);
        }
        catch (final IOException | RuntimeException ex)
        {
            throw new OkxError(400, "50002", "JSON syntax error");
        }
    }

    private static Map<String, String> query(final QueryStringDecoder uri)
    {
        final Map<String, String> query = new LinkedHashMap<>();
        uri.parameters().forEach((name, values) -> query.put(name, values.get(0)));
        return query;
    }

    private void count(final Map<String, Object> answer)
    {
        String code = String.valueOf(answer.get("code"));
        final Object data = answer.get("data");
        if ("1".equals(code) && data instanceof List && !((List<?>)data).isEmpty())
        {
            code = String.valueOf(((Map<?, ?>)((List<?>)data).get(0)).get("sCode"));
        }
        codesAnswered.merge(code, 1, Integer::sum);
    }

    /** A bug in the simulator answers 500 and closes, never a silent hang for the client under test. */
    @Override
    public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
    {
        LOG.log(java.util.logging.Level.WARNING, "simulated OKX failed on a request", cause);
        write(ctx, 500, "{\"code\":\"50000\",\"msg\":\"Internal error\",\"data\":[]}", false);
    }

    private static void write(final ChannelHandlerContext ctx, final int status, final String json, final boolean keepAlive)
    {
        final byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        final FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status), Unpooled.wrappedBuffer(bytes));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json");
        HttpUtil.setContentLength(response, bytes.length);
        if (keepAlive)
        {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            ctx.writeAndFlush(response);
        }
        else
        {
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }
}
