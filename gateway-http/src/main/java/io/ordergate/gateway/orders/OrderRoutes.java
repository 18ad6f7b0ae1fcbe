package io.ordergate.gateway.orders;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.netty.util.concurrent.FastThreadLocal;
import io.ordergate.config.InstrumentSpec;

import io.ordergate.engine.command.BodyWriter;
import io.ordergate.engine.command.CommandBodies;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.gateway.core.Accesses;
import io.ordergate.gateway.core.BodyKind;
import io.ordergate.gateway.core.Exchange;
import io.ordergate.gateway.core.Feature;
import io.ordergate.gateway.core.Route;
import io.ordergate.gateway.core.RouteTable;
import io.ordergate.gateway.core.Scope;
import io.ordergate.gateway.json.BadRequest;
import io.ordergate.gateway.json.RequestBody;
import io.ordergate.gateway.onboarding.OnboardingRoutes;

/**
 * Orders: place, list, read, cancel. The hot path: placing an order decodes into the event loop's reusable
 * {@link OrderRequest} and reads an order id in place, so nothing is allocated per order here; the reply stage renders
 * the answer ({@link OrderAnswer}). Thread safe (per-thread scratch).
 */
public final class OrderRoutes implements Feature
{
    private final Accesses access;
    private final ReadBudget readBudget;
    private final Map<String, Long> contractSizes = new HashMap<>();
    private final FastThreadLocal<OrderRequest> orders = new FastThreadLocal<>()
    {
        @Override
        protected OrderRequest initialValue()
        {
            return new OrderRequest(contractSizes);
        }
    };
    private final FastThreadLocal<OrderIdBody> orderIds = new FastThreadLocal<>()
    {
        @Override
        protected OrderIdBody initialValue()
        {
            return new OrderIdBody();
        }
    };

    /**
     * @param instruments the configured instruments: seed 002's {@code units} become lots by their contract size
     * @param readBudget list rows per caller per second (the order list)
     */
    public OrderRoutes(final Accesses access, final List<InstrumentSpec> instruments, final ReadBudget readBudget)
    {
        this.access = access;
        this.readBudget = readBudget;
        for (final InstrumentSpec instrument : instruments)
        {
            contractSizes.put(instrument.symbol(), instrument.contractSize());
        }
    }

    @Override
    public void routes(final RouteTable.Builder table)
    {
        table.add(Route.post("/api/v1/orders", access.scope(Scope.TRADE), BodyKind.JSON, this::place))
            .add(Route.get("/api/v1/orders", access.scope(Scope.READ), this::list))
            .add(Route.get("/api/v1/orders/{order_id}", access.scope(Scope.READ), exchange -> byId(exchange, CommandType.GET_ORDER)))
            .add(Route.delete("/api/v1/orders/{order_id}", access.scope(Scope.TRADE), exchange -> byId(exchange, CommandType.CANCEL_ORDER)));
    }

    private void place(final Exchange exchange) throws BadRequest
    {
        OnboardingRoutes.requireOnboarded(exchange.caller());
        final OrderRequest order = orders.get();
        order.decode(exchange.json(), exchange.body(), exchange.bodyLength());
        exchange.publish(CommandType.NEW_ORDER, order, order.seed002() ? OrderAnswer.SEED_002 : OrderAnswer.ORDER);
    }

    private void list(final Exchange exchange) throws BadRequest
    {
        // read in slices, so a list of a thousand never holds the engine thread for long at once (issue 9 item 7)
        SlicedList.start(CommandType.LIST_ORDERS, exchange, readBudget, null);
    }

    private void byId(final Exchange exchange, final CommandType type) throws BadRequest
    {
        final long orderId = exchange.path().id("order_id");
        if (orderId < 0)
        {
            throw new BadRequest(ResultCode.NOT_FOUND, "order not found", "order_id");
        }
        exchange.publish(type, orderIds.get().id(orderId), OrderAnswer.ORDER);
    }

    /** GET_ORDER and CANCEL_ORDER's body, reused: the id is copied into the frame before publish returns. */
    private static final class OrderIdBody implements RequestBody
    {
        private long orderId;

        OrderIdBody id(final long orderId)
        {
            this.orderId = orderId;
            return this;
        }

        @Override
        public void encode(final BodyWriter writer)
        {
            CommandBodies.orderId(writer, orderId);
        }
    }
}
