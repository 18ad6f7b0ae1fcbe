package io.ordergate.config;

/**
 * The SMTP server password-reset mails go through; without a host no mail is sent and an admin issues reset tokens
 * instead. Immutable: safe from any thread.
 */
public final class SmtpConfig
{
    private final String host;
    private final int port;
    private final String username;
    private final String password;
    private final String from;
    private final String security;
    private final int timeoutMillis;

    SmtpConfig(final String host, final int port, final String username, final String password, final String from,
        final String security, final int timeoutMillis)
    {
        this.host = host;
        this.port = port;
        this.username = username;
        this.password = password;
        this.from = from;
        this.security = security;
        this.timeoutMillis = timeoutMillis;
    }

    static SmtpConfig read(final YamlSection s)
    {
        final String host = s.string("host", "");
        final SmtpConfig config = new SmtpConfig(
            host,
            s.intValue("port", 587, 1, 65535),
            s.string("username", ""),
            s.string("password", ""),
            s.matching("from", "ordergate@localhost", java.util.regex.Pattern.compile("[^@\\s]+@[^@\\s]+"), "an email address"),
            s.matching("security", "starttls", java.util.regex.Pattern.compile("none|starttls|tls"), "none, starttls or tls"),
            s.intValue("timeout_millis", 10_000, 100, 600_000));
        s.finish();
        return config;
    }

    /** Whether mail can be sent at all. */
    public boolean enabled()
    {
        return !host.isEmpty();
    }

    public String host()
    {
        return host;
    }

    public int port()
    {
        return port;
    }

    /** Empty: no authentication. */
    public String username()
    {
        return username;
    }

    public String password()
    {
        return password;
    }

    public String from()
    {
        return from;
    }

    /** {@code none}, {@code starttls} (required, the default) or {@code tls} (implicit, port 465). */
    public String security()
    {
        return security;
    }

    public int timeoutMillis()
    {
        return timeoutMillis;
    }

    /** A copy sending through {@code host:port} without authentication or encryption (tests, a local relay). */
    public SmtpConfig withServer(final String newHost, final int newPort)
    {
        return new SmtpConfig(newHost, newPort, username, password, from, "none", timeoutMillis);
    }

    @Override
    public String toString()
    {
        return "SmtpConfig{host=" + host + ", port=" + port + ", username=" + username + ", password=" +
            (password.isEmpty() ? "unset" : "<set>") + ", from=" + from + ", security=" + security + '}';
    }
}
