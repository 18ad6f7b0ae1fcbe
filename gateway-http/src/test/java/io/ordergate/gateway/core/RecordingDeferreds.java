package io.ordergate.gateway.core;

import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.agrona.DirectBuffer;

import io.netty.channel.ChannelHandlerContext;

/** Deferred answers for tests outside this package: each answer is recorded as "status body". */
public final class RecordingDeferreds
{
    private RecordingDeferreds()
    {
    }

    /** A deferred request with no connection and no ring: its answers go to {@code answers}. */
    public static Deferred recording(final List<String> answers)
    {
        final Responder responder = new Responder()
        {
            @Override
            public void send(final int status, final DirectBuffer body, final int length, final CharSequence contentType, final CharSequence headerName,
                final CharSequence headerValue)
            {
                answers.add(status + " " + body.getStringWithoutLengthUtf8(0, length));
            }

            @Override
            public ReplyTarget replyTarget()
            {
                return null;
            }

            @Override
            public ChannelHandlerContext channel()
            {
                return null;
            }

            @Override
            public SocketAddress remoteAddress()
            {
                return null;
            }

            @Override
            public void complete(final int status, final byte[] body, final CharSequence headerName, final CharSequence headerValue)
            {
                answers.add(status + " " + new String(body, StandardCharsets.UTF_8));
            }

            @Override
            public void complete(final int status, final byte[] body, final CharSequence contentType, final CharSequence headerName,
                final CharSequence headerValue)
            {
                complete(status, body, headerName, headerValue);
            }
        };
        return new Deferred(responder, new CommandPublisher(), ErrorFormat.API);
    }
}
