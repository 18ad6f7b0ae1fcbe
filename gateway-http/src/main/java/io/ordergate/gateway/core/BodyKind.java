package io.ordergate.gateway.core;

/** What body a route takes; the core checks its media type (415) before the handler runs. */
public enum BodyKind
{
    /** None is read (GET, DELETE): whatever is sent is ignored. */
    NONE,
    /** A JSON body ({@code application/json}, UTF-8); an empty one is the decoder's to refuse. */
    JSON,
    /** Empty, or a JSON body (pause, resume, close-all, a whole-position close). */
    OPTIONAL_JSON,
    /** JSON or {@code text/plain} (the TradingView webhook: alerts are sent as text). */
    JSON_OR_TEXT
}
