package io.ordergate.gateway.users;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * An SMTP server on an ephemeral loopback port that offers SMTPUTF8 (RFC 6531) and reads commands as UTF-8, which
 * GreenMail does not: it takes one mail, answers every command 2xx/354, and hands back its envelope and data as sent.
 */
final class Utf8SmtpPeer implements AutoCloseable
{
    /** The MAIL FROM line, the RCPT TO lines and the message data of the one mail taken. */
    record Received(String mailFrom, List<String> rcptTo, String data)
    {
    }

    private final ServerSocket server;
    private final CompletableFuture<Received> received = new CompletableFuture<>();

    private Utf8SmtpPeer(final ServerSocket server)
    {
        this.server = server;
    }

    static Utf8SmtpPeer start() throws IOException
    {
        final Utf8SmtpPeer peer = new Utf8SmtpPeer(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
        final Thread thread = new Thread(peer::serveOne, "utf8-smtp-peer");
        thread.setDaemon(true);
        thread.start();
        return peer;
    }

    int port()
    {
        return server.getLocalPort();
    }

    Received received(final long timeoutMillis) throws Exception
    {
        return received.get(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    private void serveOne()
    {
        try (Socket socket = server.accept();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8)))
        {
            final OutputStream out = socket.getOutputStream();
            reply(out, "220 localhost ESMTP");
            String mailFrom = null;
            final List<String> rcptTo = new ArrayList<>();
            for (String line = in.readLine(); line != null; line = in.readLine())
            {
                final String verb = line.length() < 4 ? line : line.substring(0, 4).toUpperCase(java.util.Locale.ROOT);
                switch (verb)
                {
                    case "EHLO" -> reply(out, "250-localhost\r\n250-8BITMIME\r\n250 SMTPUTF8");
                    case "MAIL" -> { mailFrom = line; reply(out, "250 OK"); }
                    case "RCPT" -> { rcptTo.add(line); reply(out, "250 OK"); }
                    case "DATA" ->
                    {
                        reply(out, "354 go ahead");
                        final StringBuilder data = new StringBuilder();
                        for (String row = in.readLine(); row != null && !row.equals("."); row = in.readLine())
                        {
                            data.append(row.startsWith("..") ? row.substring(1) : row).append("\r\n");
                        }
                        reply(out, "250 OK");
                        received.complete(new Received(mailFrom, List.copyOf(rcptTo), data.toString()));
                    }
                    case "QUIT" ->
                    {
                        reply(out, "221 bye");
                        return;
                    }
                    default -> reply(out, "250 OK");
                }
            }
        }
        catch (final IOException ex)
        {
            received.completeExceptionally(new UncheckedIOException(ex));
        }
    }

    private static void reply(final OutputStream out, final String lines) throws IOException
    {
        out.write((lines + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() throws IOException
    {
        server.close();
    }
}
