package io.ordergate.simulators.mt5;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Seed 004's terminal work, as the real executor answers it (docs/executors.md, "Seed 004 commands"): the terminal's
 * account can be logged in to with an investor (read-only) password; CONNECT_INVESTOR checks the credentials and
 * stays bound, TEST_CONNECTION checks them, SYNC_HISTORY answers the closing deals of {@link SimulatedHistory} from
 * {@code from}, DISCONNECT_INVESTOR forgets the password. The password is never put in a result.
 * <b>Not thread safe</b>: owned by the terminal's one thread.
 */
final class SimulatedInvestor
{
    static final Set<String> COMMANDS = Set.of("CONNECT_INVESTOR", "TEST_CONNECTION", "SYNC_HISTORY", "DISCONNECT_INVESTOR");

    private final SimulatedBroker broker;
    private long login;
    private String password;
    private String server;
    private boolean bound;

    SimulatedInvestor(final SimulatedBroker broker)
    {
        this.broker = broker;
    }

    /** The terminal's account: its login, investor password and server. Without this, every login fails. */
    void account(final long accountLogin, final String investorPassword, final String serverName)
    {
        this.login = accountLogin;
        this.password = investorPassword;
        this.server = serverName;
    }

    boolean bound()
    {
        return bound;
    }

    Map<String, Object> execute(final String type, final Map<String, Object> parameters)
    {
        switch (type)
        {
            case "DISCONNECT_INVESTOR":
                bound = false;
                return result(true, "investor credentials forgotten", Map.of("status", "DISCONNECTED"));
            case "SYNC_HISTORY":
                if (parameters.containsKey("investorPassword") && !matches(parameters))
                {
                    return refused(parameters);
                }
                if (!bound && !parameters.containsKey("investorPassword"))
                {
                    return result(false, "not connected: send CONNECT_INVESTOR or the credentials", Map.of("status", "ERROR"));
                }
                final Map<String, Object> page = broker.history().page(parameters.get("from"), login);
                return result(true, page.get("count") + " closed deals" + (Boolean.TRUE.equals(page.get("truncated")) ? ", more from nextFrom" : ""),
                    page);
            case "CONNECT_INVESTOR":
            case "TEST_CONNECTION":
                if (!matches(parameters))
                {
                    return refused(parameters);
                }
                final Map<String, Object> info = new LinkedHashMap<>();
                info.put("login", login);
                info.put("server", server);
                info.put("balance", broker.balance() == null ? BigDecimal.ZERO : broker.balance());
                info.put("equity", broker.balance() == null ? BigDecimal.ZERO : broker.balance().add(broker.unrealizedProfit()));
                final Map<String, Object> details = new LinkedHashMap<>();
                if (type.equals("TEST_CONNECTION"))
                {
                    details.put("accountInfo", info);
                    return result(true, "Connection successful", details);
                }
                bound = true;
                info.put("currency", "USD");
                info.put("name", "Simulated MT5 account");
                info.put("tradeAllowed", false);
                details.put("status", "CONNECTED");
                details.put("mt5Login", login);
                details.put("mt5Server", server);
                details.put("accountInfo", info);
                return result(true, "Successfully connected to MT5", details);
            default:
                return result(false, "Unknown command", Map.of());
        }
    }

    private boolean matches(final Map<String, Object> parameters)
    {
        final Object sentLogin = parameters.get("mt5Login");
        final Object sentServer = parameters.get("mt5Server");
        return password != null && sentLogin != null && String.valueOf(login).equals(String.valueOf(sentLogin))
            && password.equals(parameters.get("investorPassword")) && (sentServer == null || server.equals(sentServer));
    }

    private static Map<String, Object> refused(final Map<String, Object> parameters)
    {
        return result(false, "MT5 login " + parameters.get("mt5Login") + " failed: -6 Terminal: Authorization failed",
            Map.of("status", "ERROR", "errorCode", -6, "errorMessage", "Terminal: Authorization failed"));
    }

    private static Map<String, Object> result(final boolean success, final String message, final Map<String, Object> details)
    {
        final Map<String, Object> result = new LinkedHashMap<>();
        result.put("success", success);
        result.put("message", message);
        result.put("details", details);
        return result;
    }
}
