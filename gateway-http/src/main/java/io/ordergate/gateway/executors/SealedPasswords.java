package io.ordergate.gateway.executors;

import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;

import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;

import io.ordergate.config.secrets.SecretBox;
import io.ordergate.engine.view.JsonWriter;
import io.ordergate.mt5.CommandQueue;

/**
 * Opens the sealed investor passwords of seed 004's commands on their way to the executor, and only there: the
 * engine queues {@code "investorPassword":"og-sealed:<context>|<sealed text>"} (the journal and the engine hold only
 * ciphertext), and every frame or heartbeat answer for an executor that holds such a marker is written again with the
 * marker replaced by the password, JSON-escaped. A marker that does not open (the master key changed) becomes an
 * empty password, so the terminal refuses the login and the account shows ERROR; the password is never logged.
 * <b>Not thread safe</b>: one per reply thread or event loop (its scratch buffer).
 */
final class SealedPasswords
{
    private static final Logger LOG = Logger.getLogger(SealedPasswords.class.getName());
    private static final byte[] MARKER = ("\"" + CommandQueue.SEALED_MARKER).getBytes(StandardCharsets.US_ASCII);

    private final SecretBox secrets;
    private final ExpandableArrayBuffer out = new ExpandableArrayBuffer(1024);
    private final JsonWriter json = new JsonWriter();

    SealedPasswords(final SecretBox secrets)
    {
        this.secrets = secrets;
    }

    /** True when the bytes hold a marker. */
    static boolean holdsMarker(final DirectBuffer buffer, final int offset, final int length)
    {
        return indexOf(buffer, offset, offset + length) >= 0;
    }

    /**
     * The bytes with every marker opened, in this object's scratch buffer (valid until the next call); read its length
     * from {@link #length()}.
     */
    DirectBuffer open(final DirectBuffer buffer, final int offset, final int length)
    {
        final int end = offset + length;
        int written = 0;
        int from = offset;
        for (int at = indexOf(buffer, from, end); at >= 0; at = indexOf(buffer, from, end))
        {
            out.putBytes(written, buffer, from, at - from);
            written += at - from;
            final int textStart = at + MARKER.length;
            int close = textStart;
            while (close < end && buffer.getByte(close) != '"')
            {
                close++;
            }
            final String marker = buffer.getStringWithoutLengthAscii(textStart, close - textStart);
            json.wrap(out, written).string(plain(marker));
            written += json.length();
            from = Math.min(end, close + 1);
        }
        out.putBytes(written, buffer, from, end - from);
        this.length = written + end - from;
        return out;
    }

    private int length;

    int length()
    {
        return length;
    }

    private String plain(final String marker)
    {
        final int bar = marker.indexOf('|');
        if (bar < 0)
        {
            return "";
        }
        try
        {
            return secrets.open(marker.substring(bar + 1), marker.substring(0, bar));
        }
        catch (final SecretBox.SecretException ex)
        {
            LOG.warning(() -> "a sealed investor password did not open (" + ex.getMessage() + "): it is sent empty");
            return "";
        }
    }

    private static int indexOf(final DirectBuffer buffer, final int from, final int end)
    {
        for (int i = from; i <= end - MARKER.length; i++)
        {
            if (markerAt(buffer, i))
            {
                return i;
            }
        }
        return -1;
    }

    private static boolean markerAt(final DirectBuffer buffer, final int at)
    {
        for (int j = 0; j < MARKER.length; j++)
        {
            if (buffer.getByte(at + j) != MARKER[j])
            {
                return false;
            }
        }
        return true;
    }
}
