package io.ordergate.gateway.json;

/** The body of a route that takes none but tolerates {@code {}} (pause, resume, close-all, terminate). Stateless. */
public final class EmptyObject
{
    private EmptyObject()
    {
    }

    /** Accepts an empty body or {@code {}}; a field in it is refused as unknown. */
    public static void check(final RequestReader in, final byte[] body, final int length) throws BadRequest
    {
        if (length == 0)
        {
            return;
        }
        in.begin(body, length, false);
        while (in.nextField())
        {
            in.unknownField(in.fieldName());
        }
        in.finish();
    }
}
