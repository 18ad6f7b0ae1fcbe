package io.ordergate.gateway.json;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import io.ordergate.engine.command.NewOrderBody;

/**
 * Reads one JSON request body field by field with jackson's streaming parser and checks each value's type and
 * form as it goes. Decimals are parsed exactly from the token text, never through a double.
 *
 * <p>This class is the structure (begin, fields, elements, end) and the problem record; the typed value readers
 * are in {@link FieldValueReader}.
 *
 * <p>The first validation problem is remembered and parsing goes on to the end, so a body that is not JSON at all
 * is always {@code INVALID_JSON}, whatever came before the break; {@link #finish()} throws the problem.
 * <b>Not thread safe</b>: one per connection, used on its event loop.
 */
public final class RequestReader
{
    /** Returned by the value readers when the field was JSON null. */
    public static final long NULL = Long.MIN_VALUE + 100;
    /** Returned by the value readers when the value was wrong (the problem is recorded). */
    public static final long BAD = Long.MIN_VALUE + 101;

    /** Shared by every connection: a JsonFactory is thread safe once configured. */
    public static final JsonFactory FACTORY = JsonFactory.builder()
        .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .build();

    private static final int MAX_FIELD_NAME_IN_MESSAGE = 64;

    private final FieldValueReader values = new FieldValueReader(this);
    private final BodyParser bodies;
    private final boolean feedsEveryBody;
    /** The current body's parser ({@link BodyParser#open}), null between bodies. */
    private JsonParser parser;
    private BadRequest problem;
    private byte[] body;

    /** Bodies each read by a parser of their own (duplicates refused by jackson), or fed as the order route's. */
    public RequestReader()
    {
        this(false);
    }

    private RequestReader(final boolean feedsEveryBody)
    {
        this.feedsEveryBody = feedsEveryBody;
        this.bodies = new BodyParser(FACTORY, feedsEveryBody);
    }

    /** Every body fed to one parser, a field given twice refused at any depth (FieldNames): for an executor's socket. */
    public static RequestReader feedingEveryBody()
    {
        return new RequestReader(true);
    }

    /** Starts reading {@code length} bytes, one JSON object (or, with {@code allowArray}, an array): its first token returned. */
    public JsonToken begin(final byte[] body, final int length, final boolean allowArray) throws BadRequest
    {
        return begin(feedsEveryBody, false, body, length, allowArray);
    }

    /** As {@link #begin}, fed to this reader's one parser (nothing made per body), for a caller refusing duplicates itself ({@link #duplicateField}). */
    public JsonToken beginCheckingDuplicatesMyself(final byte[] body, final int length) throws BadRequest
    {
        return begin(true, false, body, length, false);
    }

    /** As {@link #begin} (an object, fed on a feeding reader), but NaN and [-]Infinity are numbers (Python json.dumps): executors' results, trades. */
    public JsonToken beginAllowingNonNumericNumbers(final byte[] body, final int length) throws BadRequest
    {
        return begin(feedsEveryBody, true, body, length, false);
    }

    /** From here on in a body {@link #beginAllowingNonNumericNumbers begun taking NaN}, NaN and Infinity are invalid JSON again. */
    public void refuseNonNumericNumbers()
    {
        bodies.refuseNonNumericNumbers();
    }

    /** The answer for a field given twice: invalid JSON, as jackson's own detector would say. */
    public BadRequest duplicateField(final String name)
    {
        close();
        return BadRequest.invalidJson("request body is not valid JSON: Duplicate field '" + name + "'");
    }

    private JsonToken begin(final boolean reuse, final boolean nonNumeric, final byte[] body, final int length, final boolean allowArray) throws BadRequest
    {
        close();
        problem = null;
        if (length == 0)
        {
            throw BadRequest.invalidJson(JsonFaults.EMPTY);
        }
        Utf8.check(body, length);
        this.body = body;
        try
        {
            parser = bodies.open(reuse, nonNumeric, body, length);
            final JsonToken first = bodies.next();
            if (first == null)
            {
                throw BadRequest.invalidJson(JsonFaults.EMPTY);
            }
            if (first == JsonToken.START_OBJECT || (allowArray && first == JsonToken.START_ARRAY))
            {
                return first;
            }
            if (bodies.isFed())
            {
                throw bodies.fault(null);
            }
            // Still make sure the whole body is JSON before calling it the wrong shape.
            parser.skipChildren();
            bodies.expectEnd();
            throw BadRequest.validation(null, allowArray ? "request body must be a JSON object or array" : JsonFaults.NOT_AN_OBJECT);
        }
        catch (final IOException ex)
        {
            throw invalidJson(ex);
        }
    }

    /** Advances to the next field of the current object; false at its end. */
    public boolean nextField() throws BadRequest
    {
        try
        {
            final JsonToken token = bodies.next();
            if (token == JsonToken.FIELD_NAME)
            {
                bodies.next();
                return true;
            }
            return false;
        }
        catch (final IOException ex)
        {
            throw invalidJson(ex);
        }
    }

    /** Advances to the next element of the current array; false at its end. */
    public boolean nextElement() throws BadRequest
    {
        try
        {
            return bodies.next() != JsonToken.END_ARRAY;
        }
        catch (final IOException ex)
        {
            throw invalidJson(ex);
        }
    }

    /** The current field's name (interned by jackson: no allocation). */
    public String fieldName() throws BadRequest
    {
        try
        {
            return parser.currentName();
        }
        catch (final IOException ex)
        {
            throw invalidJson(ex);
        }
    }

    public JsonToken token()
    {
        return parser.currentToken();
    }

    public boolean isNull()
    {
        return parser.currentToken() == JsonToken.VALUE_NULL;
    }

    /** True when the current value is an object; otherwise records "must be an object" and skips it. */
    public boolean expectObject(final String field) throws BadRequest
    {
        return expect(JsonToken.START_OBJECT, field, " must be an object");
    }

    /** True when the current value is an array; otherwise records "must be an array" and skips it. */
    public boolean expectArray(final String field) throws BadRequest
    {
        return expect(JsonToken.START_ARRAY, field, " must be an array");
    }

    private boolean expect(final JsonToken start, final String field, final String mustBe) throws BadRequest
    {
        final boolean is = parser.currentToken() == start;
        if (!is)
        {
            fail(field, field + mustBe);
            skip();
        }
        return is;
    }

    /** Skips the current value (with its children): a field the route tolerates and does not use. */
    public void ignore() throws BadRequest
    {
        skip();
    }

    /** The current value, an object, copied exactly as sent; null when it is not one or is over {@code maxBytes} (recorded). */
    public byte[] rawObject(final String field, final int maxBytes) throws BadRequest
    {
        return values.rawObject(field, maxBytes, body);
    }

    /** The byte offset in the body where the current token starts (an object's '{'). */
    public int valueStart()
    {
        return bodies.tokenStart();
    }

    /** Just after the value that started at {@code start} ({@link #valueStart}): once an object's or array's end is read, or a scalar's. */
    public int valueEnd(final int start)
    {
        return bodies.valueEnd(start);
    }

    /** The body bytes from {@code start} to {@code end} (offsets from {@link #valueStart} and {@link #valueEnd}). */
    public byte[] copy(final int start, final int end)
    {
        return java.util.Arrays.copyOfRange(body, start, end);
    }

    /** Records an unknown field and skips its value. */
    public void unknownField(final String name) throws BadRequest
    {
        final String shown = name.length() > MAX_FIELD_NAME_IN_MESSAGE ? name.substring(0, MAX_FIELD_NAME_IN_MESSAGE) + "..." : name;
        fail(shown, "unknown field \"" + shown + "\"");
        skip();
    }

    /** A decimal given as a JSON number or a string, at {@link NewOrderBody#WIRE_DIGITS}: {@link #NULL} or {@link #BAD} (problem recorded). */
    public long decimal(final String field) throws BadRequest
    {
        return values.decimal(field);
    }

    /** As {@link #decimal}, for an executor's value: binary floating-point noise of a value at {@code scale} digits is that value ({@link FloatNoise}). */
    public long executorDecimal(final String field, final int scale) throws BadRequest
    {
        return values.executorDecimal(field, scale);
    }

    /** A whole number given as a JSON number or a string; {@link #NULL} or {@link #BAD} as for decimals. */
    public long wholeNumber(final String field) throws BadRequest
    {
        return values.wholeNumber(field);
    }

    /** A decimal that must be greater than zero (null allowed: {@link #NULL}). */
    public long positiveDecimal(final String field) throws BadRequest
    {
        return values.positiveDecimal(field);
    }

    /** A decimal that must be zero or more (null allowed: {@link #NULL}). */
    public long nonNegativeDecimal(final String field) throws BadRequest
    {
        return values.nonNegativeDecimal(field);
    }

    /**
     * One of a fixed set of names.
     *
     * @return the index of the name in {@code names}, -1 for null, -2 when wrong (problem recorded)
     */
    public int choice(final String field, final String[] names, final String allowed) throws BadRequest
    {
        return values.choice(field, names, allowed);
    }

    /** A string value of at most {@code maxLength} characters; null for JSON null; records a problem when wrong. */
    public String string(final String field, final int maxLength) throws BadRequest
    {
        return values.string(field, maxLength);
    }

    /**
     * An id chosen by a client: a JSON string of 1 to {@code maxLength} characters of {@code A-Z a-z 0-9 . _ -}.
     *
     * @return the id; null for JSON null or when wrong (problem recorded)
     */
    public String id(final String field, final int maxLength) throws BadRequest
    {
        return values.id(field, maxLength);
    }

    /** A JSON boolean: 1 for true, 0 for false, -1 for null, -2 when wrong (problem recorded). */
    public int bool(final String field) throws BadRequest
    {
        return values.bool(field);
    }

    /** The text of the current string or number token as sent, or null for anything else (not skipped). */
    public String scalarText() throws BadRequest
    {
        return values.scalarText();
    }

    /** Records a problem unless one is recorded already: the first one wins. */
    public void fail(final String field, final String message)
    {
        if (problem == null)
        {
            problem = BadRequest.validation(field, message);
        }
    }

    public boolean hasProblem()
    {
        return problem != null;
    }

    /** Checks nothing follows the root value, then throws the first recorded problem if any. */
    public void finish() throws BadRequest
    {
        try
        {
            bodies.expectEnd();
        }
        catch (final IOException ex)
        {
            throw invalidJson(ex);
        }
        finally
        {
            if (problem != null)
            {
                bodies.refused();
            }
            close();
        }
        if (problem != null)
        {
            final BadRequest first = problem;
            problem = null;
            throw first;
        }
    }

    public void close()
    {
        bodies.close();
        parser = null;
        body = null;
    }

    /** The value readers that copy into a caller's characters ({@link AsciiChars}) instead of making Strings. */
    FieldValueReader values()
    {
        return values;
    }

    /** The parser of the body being read, for {@link FieldValueReader}. */
    JsonParser parser()
    {
        return parser;
    }

    /** Skips the current value (with its children), for a wrong one. */
    void skip() throws BadRequest
    {
        try
        {
            if (feedsEveryBody)
            {
                bodies.skipValue();  // token by token, so that the names in the value are checked
                return;
            }
            parser.skipChildren();
        }
        catch (final IOException ex)
        {
            throw invalidJson(ex);
        }
    }

    /** Closes the parser and makes the INVALID_JSON answer for a parse failure ({@link BodyParser#fault}). */
    BadRequest invalidJson(final IOException ex)
    {
        final BadRequest answer = bodies.fault(ex);
        close();
        return answer;
    }
}
