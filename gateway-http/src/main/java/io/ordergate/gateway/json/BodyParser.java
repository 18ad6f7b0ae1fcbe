package io.ordergate.gateway.json;

import java.io.IOException;
import java.io.OutputStream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.async.ByteArrayFeeder;

/**
 * The jackson parser a {@link RequestReader} reads one body with: a blocking parser made for the body, or, for the
 * order route, one non-blocking parser fed body after body. A parser made per request was 680 of the ~1,720 bytes
 * an order allocated (its context, symbol table child, text buffer and the parser itself); a fed parser reads the
 * next root value where the last one ended. Each body is fed whole, so running out of input
 * ({@link JsonToken#NOT_AVAILABLE}) means the body itself stopped short.
 *
 * <p>The fed parser is kept only after a body read to its end and accepted: one left inside a value (a fault, a
 * refusal half-way) or after a refused body is dropped and the next body gets a new one, so field names a client
 * invents never stay in its symbol table (an accepted order has only the route's own names). A fault it meets is
 * worded as the blocking parser words it, so every route answers one body the same way.
 * <b>Not thread safe</b>: one per {@link RequestReader}.
 */
final class BodyParser
{
    private final JsonFactory checkingDuplicates;
    private final JsonFactory fedFactory;
    private final TailCheck tail = new TailCheck();
    /** The current body's parser, null between bodies. */
    private JsonParser current;
    private boolean fed;
    private byte[] body;
    private int length;

    private JsonParser fedParser;
    private ByteArrayFeeder feeder;
    private boolean fedBetweenBodies;

    BodyParser(final JsonFactory checkingDuplicates, final JsonFactory fedFactory)
    {
        this.checkingDuplicates = checkingDuplicates;
        this.fedFactory = fedFactory;
    }

    /** Starts on one whole body: fed to the kept parser when {@code feed}, else a blocking parser of its own. */
    JsonParser open(final boolean feed, final byte[] body, final int length) throws IOException
    {
        close();
        this.body = body;
        this.length = length;
        this.fed = feed;
        current = feed ? feed(body, length) : checkingDuplicates.createParser(body, 0, length);
        return current;
    }

    boolean isFed()
    {
        return fed;
    }

    /** The next token; null at the end of a blocking parser's input. A body that stops short is a fault. */
    JsonToken next() throws IOException, BadRequest
    {
        final JsonToken token = current.nextToken();
        if (token == JsonToken.NOT_AVAILABLE)
        {
            throw fault(null);
        }
        return token;
    }

    /** After the root value: nothing but whitespace may follow it. */
    void expectEnd() throws IOException, BadRequest
    {
        if (!fed)
        {
            if (current.nextToken() != null)
            {
                throw JsonFaults.moreThanOneValue();
            }
            return;
        }
        tail.onlyWhitespace = true;
        current.releaseBuffered(tail);
        // the whitespace is read too, so the parser waits for the next body with nothing of this one left
        if (!tail.onlyWhitespace || current.nextToken() != JsonToken.NOT_AVAILABLE)
        {
            throw fault(null);
        }
        fedBetweenBodies = true;
    }

    /**
     * Closes the parser and answers for a parse failure ({@code ex}, or null when a fed body stopped short, had
     * more after its value, or was not an object).
     */
    BadRequest fault(final IOException ex)
    {
        final boolean wasFed = fed && current != null;
        final byte[] text = body;
        final int textLength = length;
        refused();
        close();
        return wasFed ? JsonFaults.asBlockingParserSees(fedFactory, text, textLength, ex) : JsonFaults.describe(ex);
    }

    /** The body was refused: a fed parser does not read another. */
    void refused()
    {
        if (fed)
        {
            fedParser = null;
            fedBetweenBodies = false;
        }
    }

    /** Ends the body: a blocking parser is closed; the fed parser stays only if it waits between bodies. */
    void close()
    {
        if (current != null && !fed)
        {
            try
            {
                current.close();
            }
            catch (final IOException ex)
            {
                // a byte[] source has nothing to fail on close
            }
        }
        current = null;
        body = null;
    }

    private JsonParser feed(final byte[] body, final int length) throws IOException
    {
        if (fedParser == null || !fedBetweenBodies)
        {
            fedParser = fedFactory.createNonBlockingByteArrayParser();
            feeder = (ByteArrayFeeder)fedParser.getNonBlockingInputFeeder();
        }
        fedBetweenBodies = false;
        feeder.feedInput(body, 0, length);
        return fedParser;
    }

    /** Sees the bytes after the root value without taking them from the parser. */
    private static final class TailCheck extends OutputStream
    {
        boolean onlyWhitespace;

        @Override
        public void write(final int b)
        {
            onlyWhitespace &= b == ' ' || b == '\t' || b == '\n' || b == '\r';
        }

        @Override
        public void write(final byte[] bytes, final int offset, final int length)
        {
            for (int i = offset; i < offset + length; i++)
            {
                write(bytes[i]);
            }
        }
    }
}
