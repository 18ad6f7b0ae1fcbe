package io.ordergate.simulators.exchange;

import java.nio.charset.StandardCharsets;

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

/**
 * Every plain HTTP request to the simulated exchange: {@code /admin/...} to {@link AdminRoutes}, the rest through
 * the exchange's own order of checks (ban, the 429 fault, a route's refusal fault, weight, then the route's own authentication) to
 * {@link SpotRoutes}. Each answer carries {@code X-MBX-USED-WEIGHT-1M}, and order routes the order counts.
 * Runs on the Netty event loops; shared by every connection.
 */
final class RestRouter extends SimpleChannelInboundHandler<FullHttpRequest>
{
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(RestRouter.class.getName());

    private final SpotRoutes routes;
    private final AdminRoutes admin;
    private final Faults faults;
    private final RateLimits limits;
    private final SpotMarket market;
    /** How many times each error code was answered, for tests that must know a fault was met. */
    private final java.util.Map<Integer, Integer> errorsAnswered = new java.util.concurrent.ConcurrentHashMap<>();
    /** How many requests each route ({@code "GET /api/v3/myTrades"}) received, for tests that count what a client asks. */
    private final java.util.Map<String, Integer> requestsReceived = new java.util.concurrent.ConcurrentHashMap<>();

    RestRouter(final SpotRoutes routes, final AdminRoutes admin, final Faults faults, final RateLimits limits, final SpotMarket market)
    {
        this.routes = routes;
        this.admin = admin;
        this.faults = faults;
        this.limits = limits;
        this.market = market;
    }

    @Override
    public boolean isSharable()
    {
        return true;
    }

    @Override
    protected void channelRead0(final ChannelHandlerContext ctx, final FullHttpRequest request)
    {
        final QueryStringDecoder uri = new QueryStringDecoder(request.uri());
        final String method = request.method().name();
        final String body = request.content().toString(StandardCharsets.UTF_8);
        final boolean keepAlive = HttpUtil.isKeepAlive(request);
        if (uri.path().startsWith("/admin/"))
        {
            final ExchangeAnswer answer = admin.answer(method, uri.path(), uri.rawQuery(), body);
            write(ctx, answer, keepAlive, false);
            return;
        }
        ExchangeAnswer answer;
        boolean orderRoute = false;
        try
        {
            final Params params = new Params(uri.rawQuery(), body);
            final SpotRoutes.Route route = SpotRoutes.route(method, uri.path(), params);
            if (route == null)
            {
                answer = new ExchangeAnswer(404, "", 0, false);
            }
            else
            {
                orderRoute = route.order();
                requestsReceived.merge(method + " " + uri.path(), 1, Integer::sum);
                checkFaultLimits();
                final ExchangeError refusal = faults.takeRefusal(method, uri.path());
                if (refusal != null)
                {
                    throw refusal;
                }
                limits.weigh(route.weight(), market.now());
                answer = routes.answer(method, uri.path(), params, request.headers().get("X-MBX-APIKEY"), route);
            }
        }
        catch (final ExchangeError error)
        {
            errorsAnswered.merge(error.code, 1, Integer::sum);
            answer = ExchangeAnswer.error(error, orderRoute);
        }
        if (answer == ExchangeAnswer.SILENT)
        {
            return;  // the no-answer fault: the order exists, the client hears nothing and times out
        }
        final long bracketsDelayMillis = "/fapi/v1/leverageBracket".equals(uri.path()) ? faults.bracketsAnswerDelayMillis() : 0;
        if (bracketsDelayMillis > 0)
        {
            final ExchangeAnswer late = answer;
            ctx.executor().schedule(() -> write(ctx, late, keepAlive, true), bracketsDelayMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
            return;
        }
        final long delayMillis = "/api/v3/account".equals(uri.path()) ? faults.balanceAnswerDelayMillis() : 0;
        if (delayMillis > 0)
        {
            final ExchangeAnswer late = answer;
            faults.heldBalanceAnswer();
            ctx.executor().schedule(() -> write(ctx, late, keepAlive, true), delayMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
            return;
        }
        write(ctx, answer, keepAlive, true);
    }

    int errorsAnswered(final int code)
    {
        return errorsAnswered.getOrDefault(code, 0);
    }

    int requestsReceived(final String method, final String path)
    {
        return requestsReceived.getOrDefault(method + " " + path, 0);
    }

    /** A bug in the simulator answers 500 and closes, never a silent hang for the client under test. */
    @Override
    public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
    {
        LOG.log(java.util.logging.Level.WARNING, "simulated exchange failed on a request", cause);
        write(ctx, new ExchangeAnswer(500, "{\"code\":-1000,\"msg\":\"An unknown error occurred while processing the request.\"}", 0, false),
            false, false);
    }

    private void checkFaultLimits()
    {
        final long now = System.currentTimeMillis();
        final long bannedUntil = faults.bannedUntilMillis();
        if (now < bannedUntil)
        {
            throw RateLimits.banned(bannedUntil, now);
        }
        final int retryAfter = faults.takeRateLimit();
        if (retryAfter > 0)
        {
            throw new ExchangeError(429, -1003, "Too much request weight used; current limit is " + limits.weightPerMinute()
                + " request weight per 1 MINUTE. Please use WebSocket Streams for live updates to avoid polling the API.", retryAfter);
        }
    }

    private void write(final ChannelHandlerContext ctx, final ExchangeAnswer answer, final boolean keepAlive, final boolean usage)
    {
        final byte[] bytes = answer.json().getBytes(StandardCharsets.UTF_8);
        final FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(answer.status()),
            Unpooled.wrappedBuffer(bytes));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json;charset=UTF-8");
        HttpUtil.setContentLength(response, bytes.length);
        if (usage)
        {
            final long now = market.now();
            response.headers().set("X-MBX-USED-WEIGHT-1M", limits.usedWeight(now));
            if (answer.countsOrder())
            {
                response.headers().set("X-MBX-ORDER-COUNT-10S", limits.orders10s(now));
                response.headers().set("X-MBX-ORDER-COUNT-1D", limits.ordersDay(now));
            }
        }
        if (answer.retryAfterSeconds() > 0)
        {
            response.headers().set(HttpHeaderNames.RETRY_AFTER, answer.retryAfterSeconds());
        }
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
