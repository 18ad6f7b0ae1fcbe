package io.ordergate.gateway.json;

import java.io.IOException;
import java.io.OutputStream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.async.ByteArrayFeeder;
import com.fasterxml.jackson.core.base.ParserBase;
import com.fasterxml.jackson.core.json.JsonReadFeature;

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
 * worded as the blocking parser words it, so every route answers one body the same way. Whether it takes NaN and
 * Infinity is set per body and may be turned off within one (a parser feature: a bit, nothing made), so one parser
 * reads an executor's results taking them and its heartbeats not.
 * <b>Not thread safe</b>: one per {@link RequestReader}.
 */
final class BodyParser
{
    /**
     * A fed parser reads this many bodies at most: where bodies may carry names a route ignores, its symbol table keeps
     * every name it met, and a new parser now and then bounds that (one parser's making per this many bodies).
     */
    private static final int BODIES_PER_PARSER = 4096;
    /** For the order route, which refuses duplicates itself (a bit per field): jackson's builds a HashSet per request (docs/PERFORMANCE.md). */
    private static final JsonFactory WITHOUT_DUPLICATE_CHECK = JsonFactory.builder().build();
    /**
     * As the checking-duplicates factory, but a number may be {@code NaN}, {@code Infinity} or {@code -Infinity}, as
     * Python's {@code json.dumps} writes a float it has no value for: only for the bodies of executors' results and
     * trade reports, whose readers take one as a value that cannot be read (a token whose text is not a number).
     */
    private static final JsonFactory ALLOWING_NON_NUMERIC_NUMBERS = JsonFactory.builder()
        .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
        .build();
    /** The same, for the fed parser: turned on or off for each body it reads. */
    private static final JsonParser.Feature NON_NUMERIC_NUMBERS = JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS.mappedFeature();

    private final JsonFactory checkingDuplicates;
    private final TailCheck tail = new TailCheck();
    /** Non-null when this parser refuses a field given twice itself, in fed bodies (jackson does in blocking ones). */
    private final FieldNames names;
    /** The current body's parser, null between bodies. */
    private JsonParser current;
    private boolean fed;
    /** The current body may have NaN and Infinity as numbers: a fault in it is worded by a parser that takes them. */
    private boolean nonNumeric;
    private byte[] body;
    private int length;

    private JsonParser fedParser;
    private ByteArrayFeeder feeder;
    private boolean fedBetweenBodies;
    /** Bytes fed to the fed parser before the current body: its offsets count from its first body. */
    private long fedBefore;
    private long fedBytes;
    private int fedBodies;

    /**
     * @param checkNames true to refuse a field given twice in a fed body here (else its caller checks the fields it
     *                   knows, refusing all others, as the order route does)
     */
    BodyParser(final JsonFactory checkingDuplicates, final boolean checkNames)
    {
        this.checkingDuplicates = checkingDuplicates;
        this.names = checkNames ? new FieldNames() : null;
    }

    /**
     * Starts on one whole body: fed to the kept parser when {@code feed}, else a blocking parser of its own; either reads
     * NaN and Infinity as numbers when {@code nonNumericNumbers}.
     */
    JsonParser open(final boolean feed, final boolean nonNumericNumbers, final byte[] body, final int length) throws IOException
    {
        close();
        this.body = body;
        this.length = length;
        this.fed = feed;
        this.nonNumeric = nonNumericNumbers;
        if (names != null)
        {
            names.reset();
        }
        current = feed ? feed(body, length).configure(NON_NUMERIC_NUMBERS, nonNumericNumbers)
            : (nonNumericNumbers ? ALLOWING_NON_NUMERIC_NUMBERS : checkingDuplicates).createParser(body, 0, length);
        return current;
    }

    /** From the next token on, NaN and Infinity are invalid JSON, and a fault is worded by a parser that refuses them. */
    void refuseNonNumericNumbers()
    {
        nonNumeric = false;
        current.disable(NON_NUMERIC_NUMBERS);
    }

    /**
     * Where the current token starts in the body; a fed parser counts from its first body. An object's or array's start
     * is read from the parser's own offset, as {@link JsonParser#currentTokenLocation} would but without making one.
     */
    int tokenStart()
    {
        final JsonToken token = current.currentToken();
        final long offset = fed ? fedBefore : 0;
        if (token != JsonToken.START_OBJECT && token != JsonToken.START_ARRAY)
        {
            return (int)(current.currentTokenLocation().getByteOffset() - offset);
        }
        final byte bracket = token == JsonToken.START_OBJECT ? (byte)'{' : (byte)'[';
        if (current instanceof ParserBase)
        {
            // both of jackson's byte parsers keep a bracket's offset one past it (probed on 2.23; checked, not trusted)
            final long at = ((ParserBase)current).getTokenCharacterOffset() - 1 - offset;
            if (at >= 0 && at < length && body[(int)at] == bracket)
            {
                return (int)at;
            }
        }
        final int reported = (int)(current.currentTokenLocation().getByteOffset() - offset);
        if (!fed)
        {
            return reported;
        }
        // a non-blocking parser's location is at or just after the bracket: the bracket is the last one at or before it
        int at = Math.min(reported, length - 1);
        while (at > 0 && body[at] != bracket)
        {
            at--;
        }
        return at;
    }

    /** Where the token read last ends in the body. */
    private int tokenEnd()
    {
        return (int)(current.currentLocation().getByteOffset() - (fed ? fedBefore : 0));
    }

    /**
     * Just after the object or array that opened at {@code start} ({@link #tokenStart}), once its end token is the one
     * read last: found in the body's bytes (see {@link ValueSpans}), else asked of the parser.
     */
    int valueEnd(final int start)
    {
        final JsonToken token = current.currentToken();
        if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY)
        {
            final int end = ValueSpans.closingEnd(body, start, length);
            if (end > 0)
            {
                return end;
            }
        }
        return tokenEnd();
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
        if (fed && names != null && token != null)
        {
            checkName(token);
        }
        return token;
    }

    /** Skips the current value as {@code skipChildren} does, but each token through {@link #next}. */
    void skipValue() throws IOException, BadRequest
    {
        final JsonToken at = current.currentToken();
        if (at != JsonToken.START_OBJECT && at != JsonToken.START_ARRAY)
        {
            return;
        }
        for (int open = 1; open > 0;)
        {
            final JsonToken token = next();
            if (token == null)
            {
                return;  // the end of a blocking parser's input (a fed one faults first): nothing more to skip
            }
            if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY)
            {
                open++;
            }
            else if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY)
            {
                open--;
            }
        }
    }

    private void checkName(final JsonToken token) throws IOException, BadRequest
    {
        switch (token)
        {
            case START_OBJECT:
                names.enterObject();
                break;
            case END_OBJECT:
                names.leaveObject();
                break;
            case FIELD_NAME:
                if (!names.add(current.currentName()))
                {
                    throw fault(null);  // worded by a blocking parser that detects duplicates, as in a blocking read
                }
                break;
            default:
                break;
        }
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
        final JsonFactory wording = names == null ? WITHOUT_DUPLICATE_CHECK : nonNumeric ? ALLOWING_NON_NUMERIC_NUMBERS : checkingDuplicates;
        return wasFed ? JsonFaults.asBlockingParserSees(wording, text, textLength, ex) : JsonFaults.describe(ex);
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
        if (fedParser == null || !fedBetweenBodies || (names != null && fedBodies == BODIES_PER_PARSER))
        {
            fedParser = WITHOUT_DUPLICATE_CHECK.createNonBlockingByteArrayParser();
            feeder = (ByteArrayFeeder)fedParser.getNonBlockingInputFeeder();
            fedBytes = 0;
            fedBodies = 0;
        }
        fedBetweenBodies = false;
        fedBefore = fedBytes;
        fedBytes += length;
        fedBodies++;
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
