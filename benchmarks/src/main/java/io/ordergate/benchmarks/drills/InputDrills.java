package io.ordergate.benchmarks.drills;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bad input and idle sockets against a running gateway: every shape of the corpus ({@link BadInputCorpus}) is
 * answered with a status below 500 within five seconds, and changes nothing (no order appears); and while thousands
 * of sockets from another address stay silent or trickle a byte at a time, a client with credentials places every
 * one of its orders, each on a new connection.
 */
final class InputDrills
{
    private static final int ANSWER_MILLIS = 5_000;

    private final DrillGateway gateway;

    InputDrills(final DrillGateway gateway)
    {
        this.gateway = gateway;
    }

    DrillResult badInput(final int rounds) throws IOException
    {
        gateway.call("POST", "/api/v1/quotes", "{\"symbol\":\"EURUSD\",\"bid\":1.08420,\"ask\":1.08428}");
        final int ordersBefore = orderCount();
        final Map<String, String> failed = new LinkedHashMap<>();
        int requests = 0;
        final Map<String, byte[]> corpus = BadInputCorpus.shapes(DrillGateway.ADMIN_KEY, DrillGateway.ADMIN_SECRET);
        for (int round = 0; round < rounds; round++)
        {
            for (final Map.Entry<String, byte[]> shape : corpus.entrySet())
            {
                requests++;
                final String status = statusOf(shape.getValue());
                if (status == null || status.startsWith("5"))
                {
                    failed.put(shape.getKey(), status == null ? "no answer within 5 s" : status);
                }
            }
        }
        final int created = orderCount() - ordersBefore;
        final boolean healthy = gateway.call("GET", "/health", null) != null;
        final int failures = failed.size() + (created != 0 ? 1 : 0) + (healthy ? 0 : 1);
        return new DrillResult("input", rounds, requests, failures, corpus.size() + " shapes; " + (created != 0 ? created + " orders created! " : "")
            + (failed.isEmpty() ? "every one answered 4xx" : "failed: " + failed));
    }

    DrillResult idleSockets(final int sockets, final int orders) throws IOException, InterruptedException
    {
        final List<Socket> held = new ArrayList<>();
        final long[] micros = new long[orders];
        int failures = 0;
        try
        {
            for (int i = 0; i < sockets; i++)
            {
                final Socket socket = new Socket();
                socket.bind(new InetSocketAddress("127.0.0.2", 0));
                socket.connect(new InetSocketAddress("127.0.0.1", gateway.port()), 2_000);
                if (i % 2 == 1)
                {
                    socket.getOutputStream().write("GET /api/v1/orders HTTP/1.1\r\nX-Trickle: ".getBytes(StandardCharsets.US_ASCII));
                }
                held.add(socket);
            }
            for (int i = 0; i < orders; i++)
            {
                for (int s = 1; s < held.size(); s += 2)
                {
                    trickle(held.get(s));
                }
                final long start = System.nanoTime();
                final String status = statusOf(BadInputCorpus.request("POST", "/api/v1/orders", DrillGateway.ADMIN_KEY, DrillGateway.ADMIN_SECRET,
                    "{\"account_id\":\"paper-1\",\"symbol\":\"EURUSD\",\"side\":\"buy\",\"type\":\"market\",\"quantity\":0.01}"));
                micros[i] = (System.nanoTime() - start) / 1000;
                if (!"201".equals(status))
                {
                    failures++;
                }
            }
        }
        finally
        {
            for (final Socket socket : held)
            {
                socket.close();
            }
        }
        Arrays.sort(micros);
        return new DrillResult("idle", 1, orders, failures, sockets + " silent or trickling sockets from 127.0.0.2; orders on new connections: p50 "
            + micros[orders / 2] / 1000.0 + " ms, p99 " + micros[Math.max(0, orders * 99 / 100 - 1)] / 1000.0 + " ms");
    }

    private static void trickle(final Socket socket)
    {
        try
        {
            socket.getOutputStream().write('a');
        }
        catch (final IOException closed)
        {
            // answered 503 or 408 and closed: as it should be
        }
    }

    private int orderCount()
    {
        final String body = gateway.call("GET", "/api/v1/orders?limit=1000", null).body();
        return body.split("\"order_id\"", -1).length - 1;
    }

    /** Sends one raw request on a new connection; the status of the answer, or null for none (closed, or 5 s). */
    private String statusOf(final byte[] request) throws IOException
    {
        try (Socket socket = new Socket("127.0.0.1", gateway.port()))
        {
            socket.setSoTimeout(ANSWER_MILLIS);
            final OutputStream out = socket.getOutputStream();
            try
            {
                out.write(request);
                out.flush();
            }
            catch (final IOException refusedMidway)
            {
                // the gateway may answer and close before a huge request is written: read what it said
            }
            final InputStream in = socket.getInputStream();
            final ByteArrayOutputStream line = new ByteArrayOutputStream();
            try
            {
                for (int b = in.read(); b >= 0 && b != '\n' && line.size() < 200; b = in.read())
                {
                    line.write(b);
                }
            }
            catch (final SocketTimeoutException | java.net.SocketException hung)
            {
                return null;
            }
            final String status = line.toString(StandardCharsets.US_ASCII);
            return status.startsWith("HTTP/1.1 ") && status.length() >= 12 ? status.substring(9, 12) : null;
        }
    }
}
