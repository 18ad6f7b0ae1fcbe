package io.ordergate.gateway.warmup;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One keep-alive loopback connection of the start-up warm-up: writes a market order (the request's bytes made once per
 * side) and reads its answer (status line, headers, a {@code Content-Length} body), one at a time.
 * <b>Not thread safe</b>: one thread per connection.
 */
final class WarmupConnection implements AutoCloseable
{
    private static final int TIMEOUT_MILLIS = 30_000;
    private static final int MAX_HEADER_BYTES = 16 * 1024;
    private static final int MAX_BODY_BYTES = 64 * 1024;

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final byte[] buy;
    private final byte[] sell;
    private final byte[] header = new byte[MAX_HEADER_BYTES];
    private final byte[] body = new byte[MAX_BODY_BYTES];
    private int bodyBytes;

    WarmupConnection(final int port, final String key, final String secret, final String account) throws IOException
    {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(TIMEOUT_MILLIS);
        out = socket.getOutputStream();
        in = new BufferedInputStream(socket.getInputStream());
        buy = request(port, key, secret, account, "buy");
        sell = request(port, key, secret, account, "sell");
    }

    private static byte[] request(final int port, final String key, final String secret, final String account, final String side)
    {
        final String body = "{\"account_id\":\"" + account + "\",\"symbol\":\"EURUSD\",\"side\":\"" + side +
            "\",\"type\":\"market\",\"quantity\":\"0.01\"}";
        return ("POST /api/v1/orders HTTP/1.1\r\n" +
            "Host: 127.0.0.1:" + port + "\r\n" +
            "Content-Type: application/json\r\n" +
            "X-API-Key: " + key + "\r\n" +
            "X-API-Secret: " + secret + "\r\n" +
            "Content-Length: " + body.length() + "\r\n" +
            "\r\n" + body).getBytes(StandardCharsets.US_ASCII);
    }

    /** Places one order and returns the answer's status code. */
    int order(final boolean buyNotSell) throws IOException
    {
        out.write(buyNotSell ? buy : sell);
        out.flush();
        return readAnswer();
    }

    private int readAnswer() throws IOException
    {
        int length = 0;
        while (length < 4 || header[length - 4] != '\r' || header[length - 3] != '\n' || header[length - 2] != '\r' || header[length - 1] != '\n')
        {
            if (length == header.length)
            {
                throw new IOException("an answer's headers are longer than " + MAX_HEADER_BYTES + " bytes");
            }
            final int b = in.read();
            if (b < 0)
            {
                throw new EOFException("the scratch gateway closed the connection");
            }
            header[length++] = (byte)b;
        }
        final String text = new String(header, 0, length, StandardCharsets.US_ASCII);
        final int status = Integer.parseInt(text.substring(9, 12));
        long bodyLength = 0;
        for (final String line : text.split("\r\n"))
        {
            if (line.regionMatches(true, 0, "content-length:", 0, 15))
            {
                bodyLength = Long.parseLong(line.substring(15).trim());
            }
        }
        if (bodyLength > body.length)
        {
            throw new IOException("an answer's body is longer than " + body.length + " bytes");
        }
        bodyBytes = (int)bodyLength;
        for (int read = 0; read < bodyBytes; )
        {
            final int n = in.read(body, read, bodyBytes - read);
            if (n < 0)
            {
                throw new EOFException("the scratch gateway closed the connection inside an answer");
            }
            read += n;
        }
        return status;
    }

    /** The last answer's body, as text (for a log line). */
    String lastBody()
    {
        return new String(body, 0, bodyBytes, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException
    {
        socket.close();
    }
}
