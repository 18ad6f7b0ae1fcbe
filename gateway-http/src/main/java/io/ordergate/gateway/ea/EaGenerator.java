package io.ordergate.gateway.ea;

import java.util.List;

/**
 * Makes an EA's MQL5 source from a strategy description: the seam where a language model may be plugged in. The
 * built-in {@link TemplateGenerator} ({@code template}) is deterministic and calls nothing outside the process. Another
 * implementation is found with {@link java.util.ServiceLoader} (a jar on the class path listing it in
 * {@code META-INF/services/io.ordergate.gateway.ea.EaGenerator}) and chosen by its {@link #name()} in {@code ea.generator}.
 * It runs on the gateway's artifact workers, never on an event loop or the engine thread; it must be thread safe.
 */
public interface EaGenerator
{
    /** The name {@code ea.generator} chooses it by. */
    String name();

    /**
     * @param description the user's strategy description (at most {@code ea.max_description_chars})
     * @param symbols     the gateway's instrument symbols, to recognise one in the text
     * @return the EA
     * @throws NotUnderstood with what could not be understood; the user is answered 400 with that list
     */
    Generated generate(String description, List<String> symbols) throws NotUnderstood;

    /** A generated EA: its file name ({@code Name.mq5}), its MQL5 source, and a one-line account of what was understood. */
    record Generated(String fileName, String source, String understood)
    {
    }

    /** What a description left that the generator could not turn into code. */
    final class NotUnderstood extends Exception
    {
        private static final long serialVersionUID = 1L;

        private final transient List<String> phrases;

        public NotUnderstood(final String message, final List<String> phrases)
        {
            super(message);
            this.phrases = List.copyOf(phrases);
        }

        /** The words or phrases not understood, in the order they appear. */
        public List<String> phrases()
        {
            return phrases;
        }
    }
}
