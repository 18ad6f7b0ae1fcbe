package io.ordergate.engine.group;

import io.ordergate.engine.account.Account;
import io.ordergate.engine.account.Accounts;
import io.ordergate.engine.command.AsciiView;
import io.ordergate.engine.command.BodyReader;
import io.ordergate.engine.command.GroupBodies;
import io.ordergate.engine.command.NewOrderBody;
import io.ordergate.engine.instrument.Instrument;
import io.ordergate.engine.instrument.Instruments;
import io.ordergate.fixed.FixedPoint;

/**
 * Reads one member ({@link GroupBodies#member}) and checks it; admin path, allocates the member's tables.
 * <b>Not thread safe</b>: engine thread.
 */
final class MemberReader
{
    private static final long HUNDRED_PERCENT = 100 * FixedPoint.pow10(NewOrderBody.WIRE_DIGITS);

    private final Accounts accounts;
    private final Instruments instruments;
    private final AsciiView text = new AsciiView();
    /** Why the last read failed and the account id it named, or null. */
    String error;
    String accountId;

    MemberReader(final Accounts accounts, final Instruments instruments)
    {
        this.accounts = accounts;
        this.instruments = instruments;
    }

    /** Reads the whole member (always, so the reader stays aligned); null with {@link #error} when invalid. */
    Member read(final BodyReader reader)
    {
        error = null;
        accountId = reader.readString(text).toString();
        final int rawMode = reader.readByte();
        final long rawValue = reader.readLong();
        final String suffix = reader.readString(text).toString();
        final int mapCount = reader.readInt();
        final String[][] map = new String[mapCount][];
        for (int i = 0; i < mapCount; i++)
        {
            map[i] = new String[] {reader.readString(text).toString(), reader.readString(text).toString()};
        }
        final Account account = accounts.find(accountId);
        if (account == null)
        {
            error = "unknown account";
            return null;
        }
        final int mode = rawMode == GroupBodies.SIZING_DEFAULT ? GroupBodies.SIZING_MULTIPLIER : rawMode;
        final long value = rawMode == GroupBodies.SIZING_DEFAULT ? FixedPoint.pow10(NewOrderBody.WIRE_DIGITS) : rawValue;
        if (mode < GroupBodies.SIZING_FIXED || mode > GroupBodies.SIZING_EQUITY_RATIO)
        {
            error = "sizing.mode must be fixed, multiplier, risk_percent or equity_ratio";
            return null;
        }
        if (value <= 0)
        {
            error = "sizing.value must be greater than 0";
            return null;
        }
        if (mode == GroupBodies.SIZING_RISK_PERCENT && value > HUNDRED_PERCENT)
        {
            error = "sizing.value of risk_percent is a percent: at most 100";
            return null;
        }
        final String[] venueSymbols = new String[instruments.count()];
        for (final String[] entry : map)
        {
            final Instrument instrument = instruments.find(entry[0]);
            if (instrument == null)
            {
                error = "symbol_map names an unknown symbol: " + entry[0];
                return null;
            }
            if (entry[1].isEmpty())
            {
                error = "symbol_map has an empty venue symbol for " + entry[0];
                return null;
            }
            venueSymbols[instrument.index] = entry[1];
        }
        for (int i = 0; i < venueSymbols.length; i++)
        {
            if (venueSymbols[i] == null && !suffix.isEmpty())
            {
                venueSymbols[i] = instruments.get(i).symbol + suffix;
            }
        }
        return new Member(account, mode, value, suffix.isEmpty() ? null : suffix, map, venueSymbols);
    }
}
