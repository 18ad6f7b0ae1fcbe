package io.ordergate.gateway.quotes;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonToken;

import io.ordergate.engine.command.BodyWriter;
import io.ordergate.engine.command.CommandBodies;
import io.ordergate.gateway.json.AsciiChars;
import io.ordergate.gateway.json.BadRequest;
import io.ordergate.gateway.json.RequestBody;
import io.ordergate.gateway.json.RequestReader;

/**
 * {@code POST /api/v1/quotes}: one {@code {"symbol", "bid", "ask"}} or an array of 1 to {@value #MAX_QUOTES}.
 * Immutable once decoded.
 */
record QuotesRequest(List<String> symbols, long[] bids, long[] asks) implements RequestBody
{
    static final int MAX_QUOTES = 1000;

    @Override
    public void encode(final BodyWriter writer)
    {
        CommandBodies.quotesHeader(writer, symbols.size());
        for (int i = 0; i < symbols.size(); i++)
        {
            CommandBodies.quote(writer, symbols.get(i), bids[i], asks[i]);
        }
    }

    static QuotesRequest decode(final RequestReader in, final byte[] body, final int length) throws BadRequest
    {
        final JsonToken first = in.begin(body, length, true);
        final List<String> symbols = new ArrayList<>();
        final List<long[]> prices = new ArrayList<>();
        if (first == JsonToken.START_OBJECT)
        {
            readQuote(in, symbols, prices);
        }
        else
        {
            while (in.nextElement())
            {
                if (!in.expectObject("quotes"))
                {
                    continue;
                }
                if (symbols.size() == MAX_QUOTES)
                {
                    in.fail("quotes", "at most " + MAX_QUOTES + " quotes per request");
                }
                readQuote(in, symbols, prices);
            }
            if (symbols.isEmpty())
            {
                in.fail("quotes", "at least one quote is required");
            }
        }
        in.finish();
        final long[] bids = new long[symbols.size()];
        final long[] asks = new long[symbols.size()];
        for (int i = 0; i < bids.length; i++)
        {
            bids[i] = prices.get(i)[0];
            asks[i] = prices.get(i)[1];
        }
        return new QuotesRequest(List.copyOf(symbols), bids, asks);
    }

    private static void readQuote(final RequestReader in, final List<String> symbols, final List<long[]> prices) throws BadRequest
    {
        final AsciiChars symbol = new AsciiChars(QuoteRoutes.MAX_SYMBOL);
        long bid = RequestReader.NULL;
        long ask = RequestReader.NULL;
        while (in.nextField())
        {
            final String name = in.fieldName();
            switch (name)
            {
                case "symbol":
                    symbol.read(in, name, true);
                    break;
                case "bid":
                    bid = in.positiveDecimal(name);
                    break;
                case "ask":
                    ask = in.positiveDecimal(name);
                    break;
                default:
                    in.unknownField(name);
            }
        }
        if (!symbol.isSet())
        {
            in.fail("symbol", "symbol is required");
        }
        if (bid == RequestReader.NULL)
        {
            in.fail("bid", "bid is required");
        }
        if (ask == RequestReader.NULL)
        {
            in.fail("ask", "ask is required");
        }
        if (bid > 0 && ask > 0 && ask < bid)
        {
            in.fail("ask", "ask must not be below bid");
        }
        symbols.add(symbol.toString());
        prices.add(new long[] {bid, ask});
    }
}
