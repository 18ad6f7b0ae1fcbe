package io.ordergate.journal.cli;

import java.nio.charset.StandardCharsets;

import org.agrona.DirectBuffer;

import io.ordergate.journal.RecordDecoder;

/**
 * Installed for the tests through META-INF/services, as the engine's decoder will be: reads records that start
 * with "text:" and declines every other one, which the dump then prints as hex.
 */
public final class TextPrefixDecoder implements RecordDecoder
{
    static final String PREFIX = "text:";

    @Override
    public boolean decode(final DirectBuffer buffer, final int offset, final int length, final StringBuilder line)
    {
        if (length < PREFIX.length() || !buffer.getStringWithoutLengthAscii(offset, PREFIX.length()).equals(PREFIX))
        {
            return false;
        }
        byte[] text = new byte[length - PREFIX.length()];
        buffer.getBytes(offset + PREFIX.length(), text);
        line.append("says \"").append(new String(text, StandardCharsets.US_ASCII)).append('"');
        return true;
    }
}
