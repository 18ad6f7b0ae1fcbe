package io.ordergate.gateway.onboarding;

import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.user.UserBodies;
import io.ordergate.engine.user.UserView;
import io.ordergate.engine.view.JsonWriter;
import io.ordergate.gateway.core.Access;
import io.ordergate.gateway.core.Answer;
import io.ordergate.gateway.core.Answers;
import io.ordergate.gateway.core.BodyKind;
import io.ordergate.gateway.core.ErrorFormat;
import io.ordergate.gateway.core.Exchange;
import io.ordergate.gateway.core.Feature;
import io.ordergate.gateway.core.Route;
import io.ordergate.gateway.core.RouteTable;
import io.ordergate.gateway.json.BadRequest;
import io.ordergate.gateway.json.RequestReader;
import io.ordergate.gateway.users.SignedOut;
import io.ordergate.gateway.users.UserCaller;
import io.ordergate.gateway.users.UserDirectory;
import io.ordergate.gateway.users.UserServices;

/**
 * Seed 002's onboarding: {@code GET /api/v1/onboarding/status}, {@code PUT /api/v1/onboarding/brokers} (an mt5 account
 * the user owns; its id is the {@code broker_connection_id}, served by the executor registered for it) and
 * {@code PUT /api/v1/onboarding/preferences}. Until both are done the user's orders are answered 428
 * ONBOARDING_INCOMPLETE ({@link #requireOnboarded}). A signed-in user's own routes: bearer only. Thread safe.
 */
public final class OnboardingRoutes implements Feature
{
    /** A new broker connection's account: what the terminal reports replaces these once an executor serves it. */
    static final String CURRENCY = "USD";
    static final long WIRE_BALANCE = 0;
    static final int LEVERAGE = 100;

    private final UserDirectory users;
    private final Access bearer;

    public OnboardingRoutes(final UserServices services)
    {
        this.users = services.directory();
        this.bearer = SignedOut.bearer(services.bearer());
    }

    @Override
    public void routes(final RouteTable.Builder table)
    {
        table.add(Route.get("/api/v1/onboarding/status", bearer, this::status));
        table.add(Route.put("/api/v1/onboarding/brokers", bearer, BodyKind.JSON, this::broker));
        table.add(Route.put("/api/v1/onboarding/preferences", bearer, BodyKind.JSON, this::preferences));
    }

    /**
     * Refuses an order (a single one, or a group's) of a user who has not finished onboarding: 428 ONBOARDING_INCOMPLETE
     * (users only; admins and API keys pass).
     */
    public static void requireOnboarded(final Object caller) throws BadRequest
    {
        if (caller instanceof UserCaller && !((UserCaller)caller).isAdmin() && !((UserCaller)caller).user().onboarded())
        {
            throw new BadRequest(io.ordergate.engine.command.ResultCode.ONBOARDING_INCOMPLETE,
                "finish onboarding first: " + String.join(" and ", missing(((UserCaller)caller).user())), null);
        }
    }

    private void status(final Exchange exchange)
    {
        final UserView user = ((UserCaller)exchange.caller()).user();
        final JsonWriter json = exchange.answer().startObject().name("onboarded").bool(user.onboarded()).name("missing").startArray();
        for (final String step : missing(user))
        {
            json.string(step);
        }
        json.endArray().name("broker_connection_id");
        if (user.broker() == null)
        {
            json.nullValue();
        }
        else
        {
            json.string(user.broker().connectionId());
        }
        json.endObject();
        exchange.send(200);
    }

    private void broker(final Exchange exchange) throws BadRequest
    {
        final OnboardingRequests.Broker broker = OnboardingRequests.broker(exchange.json(), exchange.body(), exchange.bodyLength());
        final UserCaller caller = (UserCaller)exchange.caller();
        final String accountId = "bc-" + java.util.UUID.randomUUID();
        exchange.publish(CommandType.CONNECT_BROKER, writer -> UserBodies.connectBroker(writer, accountId, broker.brokerName(),
            broker.accountNumber(), broker.accountType(), broker.label(), CURRENCY, WIRE_BALANCE, LEVERAGE), new Connected(users, caller.user().id()));
    }

    private void preferences(final Exchange exchange) throws BadRequest
    {
        final OnboardingRequests.Preferences preferences = OnboardingRequests.preferences(exchange.json(), exchange.body(), exchange.bodyLength());
        exchange.publish(CommandType.SET_ONBOARDING_PREFERENCES, writer -> UserBodies.onboardingPreferences(writer,
            preferences.wireRiskPercent() != RequestReader.NULL, preferences.wireRiskPercent() == RequestReader.NULL ? 0 : preferences.wireRiskPercent(),
            preferences.disclaimerAccepted(), preferences.preferredPairs()), (event, json) ->
            {
                final int failed = Answers.failure(event, json, ErrorFormat.API);
                if (failed != 0)
                {
                    return failed;
                }
                json.startObject().name("success").bool(true).endObject();
                return 200;
            });
    }

    static java.util.List<String> missing(final UserView user)
    {
        final java.util.List<String> steps = new java.util.ArrayList<>(2);
        if (user.broker() == null)
        {
            steps.add("broker_connection");
        }
        if (!user.disclaimerAccepted())
        {
            steps.add("disclaimer_accepted");
        }
        return steps;
    }

    /** 201 {@code {"broker_connection_id", "status": "connected", "created_at"}} and what was given. */
    private record Connected(UserDirectory users, String userId) implements Answer
    {
        @Override
        public int render(final CommandEvent event, final JsonWriter json)
        {
            final int failed = Answers.failure(event, json, ErrorFormat.API);
            if (failed != 0)
            {
                return failed;
            }
            final UserView.Broker broker = users.user(userId).broker();
            json.startObject()
                .name("broker_connection_id").string(broker.connectionId())
                .name("status").string("connected")
                .name("broker_name").string(broker.brokerName())
                .name("account_number").string(broker.accountNumber())
                .name("account_type").string(broker.accountType())
                .name("label").string(broker.label())
                .name("created_at").time(broker.connectedMicros())
                .endObject();
            return 201;
        }
    }
}
