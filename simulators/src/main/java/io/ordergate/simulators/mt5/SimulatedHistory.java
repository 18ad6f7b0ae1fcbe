package io.ordergate.simulators.mt5;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.ordergate.simulators.SimulatorJson;

/**
 * The simulated terminal's deal history, as MT5's {@code history_deals_get} keeps it: every opening ({@code IN}) and
 * closing ({@code OUT}) deal with its ticket, position, volume, price, time and money. SYNC_HISTORY answers its
 * closing deals in seed 004's shape, oldest first, one page of at most {@link #MAX_PAGE_BYTES} (as the real
 * executor does), with {@code nextFrom} when there is more. Kept in the terminal's snapshot, at most
 * {@link #MAX_DEALS} deals. <b>Not thread safe</b>: owned by the terminal's one thread.
 */
final class SimulatedHistory
{
    /** As executors/python: a result stays under 48 KB of deals, so it fits the gateway's 64 KiB frames. */
    static final int MAX_PAGE_BYTES = 48_000;
    static final int MAX_DEALS = 20_000;

    /** One deal. {@code buy} is the deal's own direction (a long is closed by a sell). */
    record Deal(long ticket, long positionId, String symbol, boolean buy, boolean entryIn, BigDecimal volume, BigDecimal price,
        long timeMillis, BigDecimal profit, BigDecimal commission, BigDecimal swap)
    {
    }

    private final List<Deal> deals = new ArrayList<>();

    void add(final Deal deal)
    {
        deals.add(deal);
        if (deals.size() > MAX_DEALS)
        {
            deals.remove(0);
        }
    }

    int size()
    {
        return deals.size();
    }

    /**
     * Closed round trips traded before the gateway knew the account: {@code symbol} as the broker names it (EURUSD, or
     * say EURUSD.m), {@code lots} each, alternately long and short, one every {@code spacing} from {@code start}, the
     * i-th closed 10 + i points from its entry (so 0.10 lot makes 10 + i USD, other lots in proportion, to the cent;
     * less 0.70 commission). Deterministic; tickets from the broker's counter.
     */
    void roundTrips(final SimulatedBroker broker, final int count, final Instant start, final java.time.Duration spacing, final String symbol,
        final BigDecimal lots)
    {
        final BigDecimal perTenth = lots.multiply(BigDecimal.TEN);
        for (int i = 0; i < count; i++)
        {
            final boolean buy = i % 2 == 0;
            final long opened = start.plus(spacing.multipliedBy(i)).toEpochMilli();
            final BigDecimal entry = new BigDecimal("1.08000");
            final BigDecimal move = BigDecimal.valueOf(10 + i, 5);
            final BigDecimal exit = buy ? entry.add(move) : entry.subtract(move);
            final long position = broker.nextTicket();
            add(new Deal(position, position, symbol, buy, true, lots, entry, opened, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO));
            add(new Deal(broker.nextTicket(), position, symbol, !buy, false, lots, exit, opened + spacing.toMillis() / 2,
                BigDecimal.valueOf(10 + i).multiply(perTenth).setScale(2, java.math.RoundingMode.HALF_EVEN), new BigDecimal("-0.70"), BigDecimal.ZERO));
        }
    }

    /** The closing deals from {@code from} (inclusive) in seed 004's shape, one page: the result's details. */
    Map<String, Object> page(final Object fromParameter, final long login)
    {
        final long from = millis(fromParameter);
        final List<Map<String, Object>> page = new ArrayList<>();
        int bytes = 0;
        boolean truncated = false;
        for (final Deal deal : deals)
        {
            if (deal.entryIn() || deal.timeMillis() < from)
            {
                continue;
            }
            final Map<String, Object> shaped = shape(deal);
            bytes += SimulatorJson.write(shaped).length() + 1;
            if (bytes > MAX_PAGE_BYTES)
            {
                truncated = true;
                break;
            }
            page.add(shaped);
        }
        final Map<String, Object> details = new LinkedHashMap<>();
        details.put("deals", page);
        details.put("count", page.size());
        details.put("login", login);
        details.put("from", Instant.ofEpochMilli(Math.max(0, from)).toString());
        details.put("truncated", truncated);
        if (truncated)
        {
            details.put("nextFrom", page.isEmpty() ? Instant.ofEpochMilli(from).toString() : page.get(page.size() - 1).get("exitTime"));
        }
        return details;
    }

    /** seed 004's deal: the closed position's direction, the volume-weighted entry of its opening deals. */
    private Map<String, Object> shape(final Deal out)
    {
        BigDecimal volume = BigDecimal.ZERO;
        BigDecimal weighted = BigDecimal.ZERO;
        long entryMillis = Long.MAX_VALUE;
        for (final Deal in : deals)
        {
            if (in.entryIn() && in.positionId() == out.positionId())
            {
                volume = volume.add(in.volume());
                weighted = weighted.add(in.price().multiply(in.volume()));
                entryMillis = Math.min(entryMillis, in.timeMillis());
            }
        }
        final Map<String, Object> deal = new LinkedHashMap<>();
        deal.put("ticket", Long.toString(out.ticket()));
        deal.put("positionId", Long.toString(out.positionId()));
        deal.put("symbol", out.symbol());
        deal.put("type", out.buy() ? "SELL" : "BUY");
        deal.put("volume", out.volume());
        deal.put("entryTime", entryMillis == Long.MAX_VALUE ? null : Instant.ofEpochMilli(entryMillis).toString());
        deal.put("exitTime", Instant.ofEpochMilli(out.timeMillis()).toString());
        deal.put("entryPrice", volume.signum() == 0 ? null : weighted.divide(volume, 8, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros());
        deal.put("exitPrice", out.price());
        deal.put("profit", out.profit());
        deal.put("commission", out.commission());
        deal.put("swap", out.swap());
        return deal;
    }

    /** seed 004's {@code from}: ISO-8601, epoch seconds, or none (the whole history). */
    private static long millis(final Object from)
    {
        if (from == null || "".equals(from))
        {
            return Long.MIN_VALUE;
        }
        final BigDecimal seconds = from instanceof String ? null : SimulatorJson.decimal(from);
        if (seconds != null)
        {
            return seconds.movePointRight(3).longValue();
        }
        try
        {
            return Instant.parse(String.valueOf(from)).toEpochMilli();
        }
        catch (final DateTimeParseException ex)
        {
            throw new IllegalArgumentException("from must be ISO-8601 or epoch seconds, not " + from);
        }
    }

    /** The snapshot's form: a list of plain maps. */
    List<Object> snapshot()
    {
        final List<Object> out = new ArrayList<>();
        for (final Deal d : deals)
        {
            final Map<String, Object> m = new LinkedHashMap<>();
            m.put("ticket", d.ticket());
            m.put("positionId", d.positionId());
            m.put("symbol", d.symbol());
            m.put("buy", d.buy());
            m.put("in", d.entryIn());
            m.put("volume", d.volume());
            m.put("price", d.price());
            m.put("time", d.timeMillis());
            m.put("profit", d.profit());
            m.put("commission", d.commission());
            m.put("swap", d.swap());
            out.add(m);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    void restore(final List<Object> saved)
    {
        deals.clear();
        for (final Object item : saved)
        {
            final Map<String, Object> m = (Map<String, Object>)item;
            deals.add(new Deal(SimulatorJson.decimal(m.get("ticket")).longValueExact(), SimulatorJson.decimal(m.get("positionId")).longValueExact(),
                (String)m.get("symbol"), Boolean.TRUE.equals(m.get("buy")), Boolean.TRUE.equals(m.get("in")), SimulatorJson.decimal(m.get("volume")),
                SimulatorJson.decimal(m.get("price")), SimulatorJson.decimal(m.get("time")).longValueExact(), SimulatorJson.decimal(m.get("profit")),
                SimulatorJson.decimal(m.get("commission")), SimulatorJson.decimal(m.get("swap"))));
        }
    }
}
