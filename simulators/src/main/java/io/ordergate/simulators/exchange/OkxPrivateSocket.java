package io.ordergate.simulators.exchange;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.ordergate.simulators.SimulatorJson;

/**
 * One private WebSocket of the simulated OKX, speaking OKX v5's messages: {@code ping} answered {@code pong};
 * {@code {"op": "login", "args": [{apiKey, passphrase, timestamp, sign}]}} checked by {@link OkxAuth} and answered
 * {@code {"event": "login", "code": "0"}} or {@code {"event": "error", "code": "600xx"}}; {@code {"op": "subscribe"}} to
 * {@code orders} (instType ANY or SPOT) and {@code account}, refused 60011 "Please log in" before a login and 60018 for
 * another channel (each taking effect, and acknowledged, after {@link Faults#slowSubscriptions} if set).
 * One instance per connection (Netty's event loop of that connection).
 */
final class OkxPrivateSocket extends SimpleChannelInboundHandler<WebSocketFrame>
{
    private final OkxPrivateStreams streams;
    private final OkxAuth auth;
    private OkxPrivateStreams.Session session;

    OkxPrivateSocket(final OkxPrivateStreams streams, final OkxAuth auth)
    {
        this.streams = streams;
        this.auth = auth;
    }

    @Override
    public void userEventTriggered(final ChannelHandlerContext ctx, final Object event) throws Exception
    {
        if (event instanceof WebSocketServerProtocolHandler.HandshakeComplete)
        {
            session = streams.open(ctx.channel());
            return;
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    protected void channelRead0(final ChannelHandlerContext ctx, final WebSocketFrame frame)
    {
        if (!(frame instanceof TextWebSocketFrame) || session == null)
        {
            return;
        }
        final String text = ((TextWebSocketFrame)frame).text();
        if ("ping".equals(text))
        {
            send(ctx, "pong");
            return;
        }
        final Map<String, Object> message;
        try
        {
            message = SimulatorJson.parseObject(text);
        }
        catch (final IOException | RuntimeException ex)
        {
            send(ctx, error("60012", "Invalid request: " + text));
            return;
        }
        final Object op = message.get("op");
        final Object args = message.get("args");
        if (!(args instanceof List) || ((List<?>)args).isEmpty() || !(((List<?>)args).get(0) instanceof Map))
        {
            send(ctx, error("60012", "Invalid request: " + text));
            return;
        }
        if ("login".equals(op))
        {
            login(ctx, (Map<?, ?>)((List<?>)args).get(0));
        }
        else if ("subscribe".equals(op))
        {
            for (final Object arg : (List<?>)args)
            {
                subscribe(ctx, (Map<?, ?>)arg);
            }
        }
        else
        {
            send(ctx, error("60012", "Invalid request: " + text));
        }
    }

    private void login(final ChannelHandlerContext ctx, final Map<?, ?> args)
    {
        try
        {
            final SpotAccount account = auth.login(args);
            synchronized (session)
            {
                session.account = account;
            }
            final Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("event", "login");
            answer.put("code", "0");
            answer.put("msg", "");
            answer.put("connId", connId(ctx));
            send(ctx, SimulatorJson.write(answer));
        }
        catch (final OkxError refused)
        {
            send(ctx, error(refused.code.startsWith("60") ? refused.code : "60009", refused.code.startsWith("60") ? refused.getMessage() : "Login failed."));
        }
    }

    private void subscribe(final ChannelHandlerContext ctx, final Map<?, ?> arg)
    {
        final long delayMillis = streams.subscriptionDelayMillis();
        if (delayMillis > 0)
        {
            ctx.executor().schedule(() -> subscribeNow(ctx, arg), delayMillis, TimeUnit.MILLISECONDS);
        }
        else
        {
            subscribeNow(ctx, arg);
        }
    }

    private void subscribeNow(final ChannelHandlerContext ctx, final Map<?, ?> arg)
    {
        final Object channel = arg.get("channel");
        synchronized (session)
        {
            if (session.account == null)
            {
                send(ctx, error("60011", "Please log in"));
                return;
            }
            if ("orders".equals(channel) && ("ANY".equals(arg.get("instType")) || "SPOT".equals(arg.get("instType"))))
            {
                session.orders = true;
            }
            else if ("account".equals(channel))
            {
                session.balances = true;
            }
            else
            {
                send(ctx, error("60018", "Wrong URL or channel:" + channel + ", instType:" + arg.get("instType") + " doesn't exist"));
                return;
            }
        }
        final Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("event", "subscribe");
        answer.put("arg", arg);
        answer.put("connId", connId(ctx));
        send(ctx, SimulatorJson.write(answer));
    }

    private static String error(final String code, final String message)
    {
        final Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("event", "error");
        answer.put("code", code);
        answer.put("msg", message);
        return SimulatorJson.write(answer);
    }

    private static String connId(final ChannelHandlerContext ctx)
    {
        return ctx.channel().id().asShortText();
    }

    private static void send(final ChannelHandlerContext ctx, final String text)
    {
        ctx.writeAndFlush(new TextWebSocketFrame(text));
    }
}
