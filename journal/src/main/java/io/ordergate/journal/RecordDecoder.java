package io.ordergate.journal;

import org.agrona.DirectBuffer;

/**
 * Called by {@link JournalDump} on the thread that dumps, once per intact record: turns a record's bytes into a
 * readable line (when it was, who, what, the result). The journal knows bytes, not meaning, so the module that
 * knows the command layout provides one, found with {@link java.util.ServiceLoader} (a
 * {@code META-INF/services/io.ordergate.journal.RecordDecoder} entry); without one the dump prints hex.
 */
@FunctionalInterface
public interface RecordDecoder
{
    /**
     * @param buffer valid only during this call
     * @param line   where to append the readable text (no line break)
     * @return false when the record is not one this decoder reads: the dump prints it as hex instead
     */
    boolean decode(DirectBuffer buffer, int offset, int length, StringBuilder line);

    /**
     * Makes a decoder for a journal written under a configuration (a decoder that replays needs its instruments),
     * found with {@link java.util.ServiceLoader} before a plain {@code RecordDecoder}.
     */
    interface Factory
    {
        /** @param configFile the gateway's {@code --config}, or null for its embedded demo configuration */
        RecordDecoder create(java.nio.file.Path configFile);
    }
}
