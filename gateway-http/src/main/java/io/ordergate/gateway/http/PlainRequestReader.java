package io.ordergate.gateway.http;

import java.nio.charset.StandardCharsets;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.util.AsciiString;
import io.netty.util.concurrent.FastThreadLocal;

/**
 * Reads a whole request of the plain shape almost every client sends straight into one {@code FullHttpRequest}, for
 * {@link StrictRequestDecoder}, without Netty's strings per header value and its three objects per request
 * (docs/PERFORMANCE.md, "Header values read once per connection"): a value a connection sends again is the string it
 * sent before, and the request is one the connection fills again ({@link ReusedRequests}) over a slice of the bytes.
 *
 * <p>The plain shape: {@code GET|POST|PUT|DELETE|PATCH SP origin-form-target SP HTTP/1.1 CRLF}; header lines of a
 * token, a colon and visible ASCII (blanks around it dropped), each ended by CRLF; an empty line; at most one
 * Content-Length of digits within {@code server.max_body_bytes}, no Transfer-Encoding, no Expect; the head within half
 * of the decoder's limits. It waits only for the rest of a body, or of a head whose lines so far are all plain. Anything
 * else, and the rest of the connection, is Netty's decoder's, so every framing rule and refusal stays Netty's and the
 * framing guard's (PlainRequestReaderTest compares the two over thousands of altered and split requests).
 * <b>Not thread safe</b>: one per connection, on its event loop.
 */
final class PlainRequestReader
{
    /** READ: {@link #take()} the request. WAIT: not whole yet. NOT_PLAIN: Netty's from here on. (Only READ consumes.) */
    enum Outcome
    {
        READ, WAIT, NOT_PLAIN
    }

    /** Half of the decoder's limits: a request line or header block near them is Netty's to read and judge. */
    static final int MAX_REQUEST_LINE = HttpChannelInitializer.MAX_INITIAL_LINE_LENGTH / 2;
    static final int MAX_HEADER_LINES = HttpChannelInitializer.MAX_HEADER_SIZE / 2;
    static final int MAX_READS = 4;
    private static final int MAX_HEAD = MAX_REQUEST_LINE + MAX_HEADER_LINES;
    private static final int MAX_HEADERS = 32;
    private static final int FIRST_COPY = 1024;  // most heads fit; a longer one is copied on from there
    private static final int MAX_LENGTH_DIGITS = 9;
    private static final int NOT_YET = -1;
    private static final int NEVER_PLAIN = -2;

    /** One copy of a head per event loop: a head is read on its loop and its strings made before the next is read. */
    private static final FastThreadLocal<byte[]> HEAD_COPY = new FastThreadLocal<>()
    {
        @Override
        protected byte[] initialValue()
        {
            return new byte[MAX_HEAD];
        }
    };

    private static final HttpMethod[] METHODS = {HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT, HttpMethod.DELETE, HttpMethod.PATCH};
    private static final byte[][] METHOD_WORDS = words(METHODS);
    private static final byte[] VERSION_AND_END = " HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final String TRANSFER_ENCODING = "transfer-encoding";
    private static final String EXPECT = "expect";
    private static final boolean[] TOKEN = tokenBytes();
    private static final int FIELD_INTS = 5;

    private final ReusedRequests requests;
    private final int maxBodyBytes;
    /** Per header line of the head being read: name start, name length, known name index, value start, value length. */
    private final int[] fields = new int[MAX_HEADERS * FIELD_INTS];
    private final RecentStrings recent = new RecentStrings();
    private int reads;
    private FullHttpRequest request;
    /** The request line read last ({@link #requestLine}): its method's index and where its target ends. */
    private int method;
    private int targetEnd;

    PlainRequestReader(final FlatHeadersFactory headersFactory, final int maxBodyBytes)
    {
        this.requests = new ReusedRequests(headersFactory);
        this.maxBodyBytes = maxBodyBytes;
    }

    /** The request {@link #read} read; its one reference is the caller's. */
    FullHttpRequest take()
    {
        final FullHttpRequest taken = request;
        request = null;
        return taken;
    }

    Outcome read(final ByteBuf in)
    {
        final int readable = in.readableBytes();
        final byte[] head = HEAD_COPY.get();
        int copied = Math.min(readable, FIRST_COPY);
        in.getBytes(in.readerIndex(), head, 0, copied);
        int headEnd = endOfHead(head, 0, copied);
        if (headEnd == NOT_YET && readable > copied)
        {
            final int more = Math.min(readable, head.length) - copied;
            in.getBytes(in.readerIndex() + copied, head, copied, more);
            headEnd = endOfHead(head, copied - 3, copied + more);
            copied += more;
        }
        if (headEnd == NEVER_PLAIN)
        {
            return Outcome.NOT_PLAIN;  // at once: waiting for a CRLF CRLF that may never come would leave it unanswered
        }
        if (headEnd == NOT_YET)
        {
            return copied < head.length && plainSoFar(head, copied) ? notYet() : Outcome.NOT_PLAIN;
        }
        final int linesStart = requestLine(head, headEnd);
        if (linesStart < 0)
        {
            return Outcome.NOT_PLAIN;
        }
        final int lines = readHeaderLines(head, linesStart, headEnd);
        if (lines < 0)
        {
            return Outcome.NOT_PLAIN;
        }
        final long contentLength = contentLength(head, lines);
        if (contentLength < 0 || contentLength > maxBodyBytes)
        {
            return Outcome.NOT_PLAIN;
        }
        if (readable - headEnd < contentLength)
        {
            return notYet();
        }
        return build(in, head, METHODS[method], METHOD_WORDS[method].length, targetEnd, lines, headEnd, (int)contentLength)
            ? Outcome.READ : Outcome.NOT_PLAIN;
    }

    /**
     * The request line from the head's start, its CRLF before {@code end}: the index just past it, or -1 when it is not
     * plain. Sets {@link #method} and {@link #targetEnd}.
     */
    private int requestLine(final byte[] head, final int end)
    {
        method = method(head, end);
        if (method < 0)
        {
            return -1;
        }
        final int targetStart = METHOD_WORDS[method].length;
        int p = targetStart;
        while (head[p] > ' ' && head[p] < 0x7F)
        {
            p++;
        }
        targetEnd = p;
        final boolean plain = head[targetStart] == '/' && startsWith(head, p, end, VERSION_AND_END) && p + VERSION_AND_END.length <= MAX_REQUEST_LINE;
        return plain ? p + VERSION_AND_END.length : -1;
    }

    /**
     * Whether a head still in pieces may wait for its rest: Netty's decoder judges each line as it arrives, so a wait
     * must not outlast a line it would refuse at once. Every complete line must be plain, and the line in progress
     * within the limits.
     */
    private boolean plainSoFar(final byte[] head, final int copied)
    {
        int linesEnd = -1;  // just past the last CRLF
        for (int i = copied - 1; i > 0 && linesEnd < 0; i--)
        {
            linesEnd = head[i] == '\n' && head[i - 1] == '\r' ? i + 1 : -1;
        }
        if (linesEnd < 0)
        {
            return copied <= MAX_REQUEST_LINE;  // the request line in progress
        }
        final int linesStart = requestLine(head, linesEnd);
        return linesStart >= 0 && copied - linesStart <= MAX_HEADER_LINES && readHeaderLines(head, linesStart, linesEnd + 2) >= 0;
    }

    private Outcome notYet()
    {
        return ++reads >= MAX_READS ? Outcome.NOT_PLAIN : Outcome.WAIT;  // a trickle is Netty's to read piece by piece
    }

    /**
     * The header lines from {@code p} up to the head's empty line, into {@link #fields}: their count, or -1 when one is
     * not of the plain shape. Every scan stops at the CR of the head's final CRLF CRLF at the latest.
     */
    private int readHeaderLines(final byte[] head, final int linesStart, final int headEnd)
    {
        final int emptyLine = headEnd - 2;
        if (emptyLine - linesStart > MAX_HEADER_LINES)
        {
            return -1;
        }
        int p = linesStart;
        int count = 0;
        while (p != emptyLine)
        {
            if (count == MAX_HEADERS)
            {
                return -1;
            }
            final int nameStart = p;
            while (head[p] >= 0 && TOKEN[head[p]])
            {
                p++;
            }
            if (p == nameStart || head[p] != ':')
            {
                return -1;
            }
            final int nameLength = p - nameStart;
            p++;
            while (head[p] == ' ' || head[p] == '\t')
            {
                p++;
            }
            final int valueStart = p;
            int valueEnd = p;
            for (; head[p] != '\r'; p++)
            {
                final byte b = head[p];
                if (b > ' ' && b < 0x7F)
                {
                    valueEnd = p + 1;
                }
                else if (b != ' ' && b != '\t')
                {
                    return -1;
                }
            }
            if (head[p + 1] != '\n')
            {
                return -1;
            }
            p += 2;
            if (named(TRANSFER_ENCODING, head, nameStart, nameLength) || named(EXPECT, head, nameStart, nameLength))
            {
                return -1;  // a body whose framing or timing is the aggregator's to handle
            }
            final int at = count++ * FIELD_INTS;
            fields[at] = nameStart;
            fields[at + 1] = nameLength;
            fields[at + 2] = KnownHeaderNames.indexOf(head, nameStart, nameLength);
            fields[at + 3] = valueStart;
            fields[at + 4] = valueEnd - valueStart;
        }
        return count;
    }

    /** The one Content-Length's value (0 when there is none), or -1 for two of them or one that is not plain digits. */
    private long contentLength(final byte[] head, final int lines)
    {
        long length = 0;
        boolean seen = false;
        for (int i = 0; i < lines; i++)
        {
            final int at = i * FIELD_INTS;
            if (fields[at + 2] != KnownHeaderNames.CONTENT_LENGTH)
            {
                continue;
            }
            final int digits = fields[at + 4];
            if (seen || digits == 0 || digits > MAX_LENGTH_DIGITS)
            {
                return -1;
            }
            seen = true;
            for (int d = fields[at + 3]; d < fields[at + 3] + digits; d++)
            {
                if (head[d] < '0' || head[d] > '9')
                {
                    return -1;
                }
                length = length * 10 + head[d] - '0';
            }
        }
        return length;
    }

    private boolean build(final ByteBuf in, final byte[] head, final HttpMethod method, final int targetStart, final int targetEnd,
        final int lines, final int headEnd, final int contentLength)
    {
        final ReusedRequest filled = requests.take(lines);
        try
        {
            final HttpHeaders headers = filled.headers();
            for (int i = 0; i < lines; i++)
            {
                final int at = i * FIELD_INTS;
                final int known = fields[at + 2];
                final AsciiString name = known >= 0 ? KnownHeaderNames.name(known) : new AsciiString(head, fields[at], fields[at + 1], true);
                headers.add(name, recent.value(known, head, fields[at + 3], fields[at + 4]));
            }
            final String target = recent.target(head, targetStart, targetEnd - targetStart);
            final ByteBuf body = contentLength == 0 ? Unpooled.EMPTY_BUFFER : in.retainedSlice(in.readerIndex() + headEnd, contentLength);
            try
            {
                filled.fill(method, target, body);
            }
            catch (final IllegalArgumentException ex)
            {
                body.release();
                throw ex;
            }
        }
        catch (final IllegalArgumentException ex)
        {
            requests.giveBack(filled);
            return false;  // a validator refused it: Netty's decoder reads it and fails it as it always did
        }
        request = filled;
        in.skipBytes(headEnd + contentLength);
        reads = 0;
        return true;
    }

    /**
     * The index just past the head's first CRLF CRLF within {@code [from, to)} of the copy; {@link #NOT_YET} when the bytes
     * so far could still begin a plain head, {@link #NEVER_PLAIN} when they cannot (a bare LF or CR, a control or
     * non-ASCII byte): such a request is Netty's to answer now, however many more bytes come.
     */
    private static int endOfHead(final byte[] head, final int from, final int to)
    {
        for (int i = Math.max(0, from); i < to; i++)
        {
            final byte b = head[i];
            if (b == '\n' ? i == 0 || head[i - 1] != '\r' : b == '\r' ? i + 1 < to && head[i + 1] != '\n' : (b < ' ' && b != '\t') || b == 0x7F)
            {
                return NEVER_PLAIN;  // (a non-ASCII byte is negative: below ' ' too)
            }
            if (b == '\n' && i >= 3 && head[i - 2] == '\n' && head[i - 3] == '\r')
            {
                return i + 1;
            }
        }
        return NOT_YET;
    }

    /** Within the head only (the copy holds an earlier request's bytes after it). */
    private static int method(final byte[] head, final int headEnd)
    {
        for (int i = 0; i < METHOD_WORDS.length; i++)
        {
            if (startsWith(head, 0, headEnd, METHOD_WORDS[i]))
            {
                return i;
            }
        }
        return -1;
    }

    private static boolean startsWith(final byte[] head, final int at, final int end, final byte[] prefix)
    {
        if (at + prefix.length > end)
        {
            return false;
        }
        for (int i = 0; i < prefix.length; i++)
        {
            if (head[at + i] != prefix[i])
            {
                return false;
            }
        }
        return true;
    }

    private static boolean named(final String lowerCaseName, final byte[] head, final int start, final int length)
    {
        return lowerCaseName.length() == length && KnownHeaderNames.sameIgnoringCase(lowerCaseName, head, start);
    }

    private static byte[][] words(final HttpMethod[] methods)
    {
        final byte[][] words = new byte[methods.length][];
        for (int i = 0; i < methods.length; i++)
        {
            words[i] = (methods[i].name() + ' ').getBytes(StandardCharsets.US_ASCII);
        }
        return words;
    }

    /** RFC 9110 5.6.2's tchar. */
    private static boolean[] tokenBytes()
    {
        final boolean[] token = new boolean[128];
        for (int c = '0'; c <= '9'; c++)
        {
            token[c] = true;
        }
        for (int c = 'a'; c <= 'z'; c++)
        {
            token[c] = true;
            token[c - 'a' + 'A'] = true;
        }
        for (final char c : "!#$%&'*+-.^_`|~".toCharArray())
        {
            token[c] = true;
        }
        return token;
    }
}
