package io.ordergate.simulators.exchange;

/**
 * A refusal in OKX's words: the HTTP status and {@code {"code": "50113", "msg": "Invalid Sign", "data": []}}. Thrown by
 * the simulated OKX's checks, written by {@link OkxRestRoutes}. Immutable.
 */
final class OkxError extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    final int status;
    final String code;

    OkxError(final int status, final String code, final String message)
    {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    static OkxError auth(final String code, final String message)
    {
        return new OkxError(401, code, message);
    }

    /** A parameter OKX reads is missing or malformed: 51000 "Parameter {name} error". */
    static OkxError parameter(final String name)
    {
        return new OkxError(400, "51000", "Parameter " + name + " error");
    }

    /**
     * The shared market's refusal (Binance's code) as OKX words it for an order: 51001 unknown instrument, 51121 off the
     * lot size, 51000 a price off the tick, 51020 under the minimum amount, 51008 insufficient balance, 51016 a client
     * order id still in use.
     */
    static OkxError fromMarket(final ExchangeError error, final String quoteCcy)
    {
        final String message = String.valueOf(error.getMessage());
        switch (error.code)
        {
            case -1121: return new OkxError(200, "51001", "Instrument ID does not exist");
            case -1111: return new OkxError(200, "51000", "Parameter sz error");
            case -1013:
                if (message.contains("LOT_SIZE"))
                {
                    return new OkxError(200, "51121", "Order quantity must be a multiple of the lot size.");
                }
                if (message.contains("PRICE_FILTER"))
                {
                    return new OkxError(200, "51000", "Parameter px error");
                }
                return new OkxError(200, "51020", "Your order should meet or exceed the minimum order amount.");
            case -2010:
                if (message.startsWith("Duplicate"))
                {
                    return duplicated();
                }
                if (message.contains("insufficient balance"))
                {
                    return new OkxError(200, "51008", "Order failed. Insufficient " + quoteCcy + " balance in account.");
                }
                if (message.contains("immediately match"))
                {
                    return new OkxError(200, "51019", "Post only order can not be executed immediately.");
                }
                return new OkxError(200, "51000", message);
            default:
                return new OkxError(200, "51000", message);
        }
    }

    static OkxError duplicated()
    {
        return new OkxError(200, "51016", "Duplicated clOrdId");
    }
}
