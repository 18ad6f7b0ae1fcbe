package io.ordergate.exchange.venue;

import io.ordergate.config.VenueKind;
import io.ordergate.engine.EngineContext;
import io.ordergate.engine.account.Account;
import io.ordergate.engine.account.AccountAdmin;
import io.ordergate.engine.command.AsciiView;
import io.ordergate.engine.command.BodyReader;
import io.ordergate.engine.command.CommandBodies;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.instrument.Instrument;
import io.ordergate.engine.venue.FuturesSettings;
import io.ordergate.engine.view.JsonWriter;
import io.ordergate.fixed.Money;

/**
 * The exchange account commands on the engine thread: made with its credentials in one step, credentials replaced,
 * balances as the exchange said them (a sync-balance read also resets the account's balance to what the exchange
 * holds), futures settings asked and their outcome. Admin commands and reports of the connector: they may allocate,
 * except a balances report of assets already known (a stream update comes with every fill on the exchange).
 * <b>Not thread safe</b>: engine thread.
 */
final class ExchangeAccountFlow
{
    private final EngineContext context;
    private final AccountAdmin admin;
    private final ExchangeAccounts accounts;
    private final ExchangeVenue venue;
    private final BalanceValuation valuation;
    private final BodyReader reader = new BodyReader();
    private final AsciiView text = new AsciiView();
    private final transient BalancesReport report = new BalancesReport();  // scratch of one command, not state
    /** What the last {@link #makeAccount} read: its answer byte (ANSWER_*) and where its part of the body ended. */
    private int madeAnswer;
    private int madeBodyEnd;

    ExchangeAccountFlow(final EngineContext context, final AccountAdmin admin, final ExchangeAccounts accounts, final ExchangeVenue venue)
    {
        this.context = context;
        this.admin = admin;
        this.accounts = accounts;
        this.venue = venue;
        this.valuation = new BalanceValuation(context);
    }

    /** EXCHANGE_CREATE_ACCOUNT (admin): a new exchange account and its sealed credentials, both or neither. */
    void create(final CommandEvent event)
    {
        final Account account = makeAccount(event);
        if (account == null)
        {
            return;
        }
        final JsonWriter json = context.beginJson(event);
        if (madeAnswer == ExchangeBodies.ANSWER_SEED_003)
        {
            json.startObject().name("success").bool(true).name("account_id").string(account.id)
                .name("message").string("Account created successfully").endObject();
        }
        else
        {
            context.writeAccount(account);
        }
        context.endJson(event);
        event.result = ResultCode.CREATED;
    }

    /**
     * Makes the account EXCHANGE_CREATE_ACCOUNT's body describes (also the first part of EXCHANGE_CREATE_EXPERT's), with its
     * credentials and market, unanswered: {@link #madeAnswer} and {@link #madeBodyEnd} tell how it asked to be answered and
     * where its part of the body ended.
     *
     * @return the account, or null with the event rejected and nothing changed
     */
    Account makeAccount(final CommandEvent event)
    {
        if (!context.principals().requireAdmin(event))
        {
            return null;
        }
        reader.wrap(event.frame, CommandFrame.BODY_OFFSET);
        final String accountId = reader.readString(text).toString();
        final int venueCode = reader.readByte();
        final String currency = reader.readString(text).toString();
        final long wireBalance = reader.readLong();
        final int leverage = reader.readInt();
        if (!VenueKind.exchange(venueCode))
        {
            event.reject(ResultCode.VALIDATION_ERROR, "an account with credentials is an exchange account: venue must be binance or okx", "venue");
            return null;
        }
        final SealedCredentials credentials = readCredentials(venueCode, event);
        madeAnswer = reader.readByte();
        final int bodyEnd = CommandFrame.BODY_OFFSET + event.frame.getInt(CommandFrame.BODY_LENGTH_OFFSET);
        final boolean futuresMarket = reader.position() < bodyEnd && reader.readByte() == ExchangeBodies.MARKET_FUTURES;
        madeBodyEnd = reader.position();
        if (credentials == null)
        {
            return null;
        }
        if (futuresMarket && venueCode != VenueKind.BINANCE.code())
        {
            event.reject(ResultCode.VALIDATION_ERROR, "market_type futures is for binance accounts (an okx account trades spot)", "market_type");
            return null;
        }
        // an exchange's spot account nets: one position per symbol
        final Account account = admin.create(event, accountId, venueCode, currency, wireBalance, leverage, CommandBodies.POSITION_MODE_NETTING);
        if (account == null)
        {
            return null;
        }
        final ExchangeAccounts.Entry entry = accounts.entry(account.index);
        credentials.applyTo(entry, event.wallMicros());
        entry.futuresMarket = futuresMarket;
        return account;
    }

    /** EXCHANGE_CREDENTIALS (admin): sets or replaces an exchange account's sealed credentials. */
    void credentials(final CommandEvent event)
    {
        if (!context.principals().requireAdmin(event))
        {
            return;
        }
        final Account account = exchangeAccount(event);
        if (account == null)
        {
            return;
        }
        final SealedCredentials credentials = readCredentials(account.venue, event);
        if (credentials == null)
        {
            return;
        }
        credentials.applyTo(accounts.entry(account.index), event.wallMicros());
        context.beginJson(event).startObject().name("success").bool(true).name("account_id").string(account.id).endObject();
        context.endJson(event);
        event.result = ResultCode.OK;
    }

    /** How the body {@link #makeAccount} read asked to be answered (ANSWER_*). */
    int madeAnswer()
    {
        return madeAnswer;
    }

    /** Where the body part {@link #makeAccount} read ended: the next part (EXCHANGE_CREATE_EXPERT's expert) starts there. */
    int madeBodyEnd()
    {
        return madeBodyEnd;
    }

    /** Credentials as a command carries them (sealed), read before anything changes. */
    private record SealedCredentials(boolean testnet, String maskedKey, String key, String secret, String passphrase)
    {
        void applyTo(final ExchangeAccounts.Entry entry, final long wallMicros)
        {
            entry.testnet = testnet;
            entry.maskedKey = maskedKey;
            entry.sealedKey = key;
            entry.sealedSecret = secret;
            entry.sealedPassphrase = passphrase;
            entry.credentialsUpdatedMicros = wallMicros;
        }
    }

    /** Reads the credentials; rejects (null) an okx account's without a passphrase, which every OKX request is signed with. */
    private SealedCredentials readCredentials(final int venueCode, final CommandEvent event)
    {
        final boolean testnet = reader.readBoolean();
        final String masked = reader.readString(text).toString();
        final String key = reader.readString(text).toString();
        final String secret = reader.readString(text).toString();
        final String passphrase = reader.readString(text).toString();
        if (passphrase.isEmpty() && venueCode == VenueKind.OKX.code())
        {
            event.reject(ResultCode.VALIDATION_ERROR, "passphrase is required for an okx account (OKX signs every request with it)", "passphrase");
            return null;
        }
        return new SealedCredentials(testnet, masked, key, secret, passphrase.isEmpty() ? null : passphrase);
    }

    /**
     * EXCHANGE_BALANCES (system, or an admin's sync-balance): the exchange's balances per asset, merged (a stream
     * event's changed assets) or replacing the account's (a complete read). A sync-balance read also sets the account's
     * balance so that its equity is what the exchange holds, valued at the current quotes, and answers seed 003's
     * {@code {"success": true, "balance", "equity"}}. A stream event or a complete read of assets the account already
     * holds allocates nothing (a stream event comes with every fill); a sync-balance's valuation and answer may.
     */
    void balances(final CommandEvent event)
    {
        final Account account = exchangeAccount(event);
        if (account == null)
        {
            return;
        }
        final ExchangeAccounts.Entry entry = accounts.entry(account.index);
        context.changes().account(account);  // its balances (and on a sync its balance) change: streams hear of it
        report.read(reader, text, CommandFrame.BODY_OFFSET + event.frame.getInt(CommandFrame.BODY_LENGTH_OFFSET));
        if (report.kind() == ExchangeBodies.BALANCES_DELTA)
        {
            streamed(entry);
        }
        else
        {
            completeRead(entry);
        }
        entry.balancesUpdatedMicros = event.wallMicros();
        if (report.kind() == ExchangeBodies.BALANCES_SYNC)
        {
            // a futures account holds its margin balance (wallet + the exchange's unrealized profit): the equity follows it
            final BalanceValuation.Worth worth = valuation.worth(account, entry.balances.amounts(entry.futuresFigures));
            account.balance = worth.money() - context.values().unrealized(account);
            final JsonWriter json = context.beginJson(event).startObject().name("success").bool(true);
            json.name("account_id").string(account.id);
            json.name("balance").decimal(account.balance, Money.DIGITS);
            json.name("equity").decimal(context.values().equity(account), Money.DIGITS);
            json.name("unvalued_assets").startArray();
            worth.unvalued().forEach(json::string);
            json.endArray().endObject();
            context.endJson(event);
        }
        event.result = ResultCode.OK;
    }

    /** A stream event's changed assets ({@link #applyReported}). */
    private void streamed(final ExchangeAccounts.Entry entry)
    {
        final AssetBalances balances = entry.balances;
        final long session = report.streamSession();
        entry.streamSession(session);
        for (int i = 0; i < report.count(); i++)
        {
            final int row = balances.row(report.asset(i, text));
            applyReported(balances, row, i);
            if (session != 0)
            {
                balances.streamedUpdate(row, report.streamUpdates());
            }
        }
    }

    /**
     * The report's {@code i}th asset into its row: as the exchange figured it, or a wallet without figures (the stream's),
     * which keeps the row's last unrealized profit.
     */
    private void applyReported(final AssetBalances balances, final int row, final int i)
    {
        if (report.figures())
        {
            balances.set(row, report.free(i), report.locked(i), report.unrealized(i), report.margin(i));
        }
        else
        {
            balances.setWallet(row, report.free(i), report.locked(i), balances.unrealized(row));
        }
    }

    /**
     * A full read replaces the account's balances, except that an asset the stream changed after the read's mark keeps
     * the stream's free and locked amounts (the read's unrealized profit): a read that reached the ring after a later
     * stream update (sync-balance journals its read itself) must not undo it, since nothing would correct it again. A
     * read of another stream session (or unmarked) applies as it is: nothing tells which is older.
     */
    private void completeRead(final ExchangeAccounts.Entry entry)
    {
        final AssetBalances balances = entry.balances;
        final long mark = report.streamUpdates();
        final long keepStreamedAfter = report.streamSession() != 0 && report.streamSession() == entry.streamSession ? mark : Long.MAX_VALUE;
        entry.futuresFigures = report.figures();
        balances.beginRead();
        for (int i = 0; i < report.count(); i++)
        {
            final int row = balances.row(report.asset(i, text));
            if (balances.streamedUpdate(row) > keepStreamedAfter)
            {
                final long unrealized = report.figures() ? report.unrealized(i) : balances.unrealized(row);
                balances.setWallet(row, balances.free(row), balances.locked(row), unrealized);
            }
            else
            {
                applyReported(balances, row, i);
            }
            balances.named(row);
        }
        balances.endRead(keepStreamedAfter);
        entry.streamSession(report.streamSession());
        balances.clearStreamedUpdatesUpTo(mark);  // the read holds them: they are no longer newer
    }

    /**
     * EXCHANGE_SYNC_REQUEST (admin, cluster form): sync-balance asked of a member that does not lead. Accepted for an
     * exchange account with credentials; the leader then reads the balances (its reply stage, off this thread).
     */
    void syncRequest(final CommandEvent event)
    {
        final Account account = exchangeAccount(event);
        if (account == null)
        {
            return;
        }
        if (!accounts.entry(account.index).hasCredentials())
        {
            event.reject(ResultCode.NOT_FOUND, "no exchange account with credentials has this account_id", "account_id");
            return;
        }
        event.result = ResultCode.OK;
    }

    /** EXCHANGE_FUTURES_SETTINGS (admin): futures settings for one symbol of an exchange account, sent by the connector. */
    void futuresSettings(final CommandEvent event)
    {
        if (!context.principals().requireAdmin(event))
        {
            return;
        }
        final Account account = exchangeAccount(event);
        if (account == null)
        {
            return;
        }
        final Instrument instrument = context.instruments().find(reader.readString(text));
        final int leverage = reader.readInt();
        final int marginMode = reader.readByte();
        final int positionMode = reader.readByte();
        if (instrument == null)
        {
            event.reject(ResultCode.NOT_FOUND, "no instrument with this symbol", "symbol");
            return;
        }
        if (leverage < 0 || leverage > FuturesSettings.MAX_LEVERAGE)
        {
            event.reject(ResultCode.VALIDATION_ERROR, "leverage must be from 1 to " + FuturesSettings.MAX_LEVERAGE, "leverage");
            return;
        }
        if (marginMode < FuturesSettings.UNCHANGED || marginMode > FuturesSettings.MARGIN_CROSS
            || positionMode < FuturesSettings.UNCHANGED || positionMode > FuturesSettings.POSITION_HEDGE)
        {
            event.reject(ResultCode.VALIDATION_ERROR, "margin_mode must be isolated or cross, position_mode one_way or hedge", null);
            return;
        }
        if (leverage == FuturesSettings.UNCHANGED && marginMode == FuturesSettings.UNCHANGED && positionMode == FuturesSettings.UNCHANGED)
        {
            event.reject(ResultCode.VALIDATION_ERROR, "give at least one of leverage, margin_mode, position_mode", null);
            return;
        }
        venue.futuresSettings(account, instrument, leverage, marginMode, positionMode, event);
        final JsonWriter json = context.beginJson(event).startObject().name("account_id").string(account.id);
        ExchangeVenue.writeFutures(accounts.find(account.index), json);
        json.endObject();
        context.endJson(event);
        event.result = ResultCode.OK;
    }

    /** EXCHANGE_SETTINGS_REPORT (system): the exchange applied or refused settings; kept if they are still the ones asked. */
    void settingsReport(final CommandEvent event)
    {
        final Account account = exchangeAccount(event);
        if (account == null)
        {
            return;
        }
        final String symbol = reader.readString(text).toString();
        final int leverage = reader.readInt();
        final int marginMode = reader.readByte();
        final int positionMode = reader.readByte();
        final boolean applied = reader.readBoolean();
        final String code = reader.readString(text).toString();
        final String message = reader.readString(text).toString();
        final ExchangeAccounts.Entry entry = accounts.entry(account.index);
        final ExchangeAccounts.Futures futures = entry.futures.get(symbol);
        if (applied && positionMode != FuturesSettings.UNCHANGED)
        {
            entry.hedgeMode = positionMode == FuturesSettings.POSITION_HEDGE;  // account-wide at the exchange: what it now holds
        }
        if (futures != null && futures.leverage == leverage && futures.marginMode == marginMode && futures.positionMode == positionMode)
        {
            futures.status = applied ? ExchangeAccounts.SETTINGS_APPLIED : ExchangeAccounts.SETTINGS_FAILED;
            futures.message = applied ? null : (code.isEmpty() ? "" : code + " ") + message;
            futures.updatedMicros = event.wallMicros();
        }
        event.result = ResultCode.OK;
    }

    /** Reads the account id at the start of the body; rejects NOT_FOUND unless it names an exchange account. */
    private Account exchangeAccount(final CommandEvent event)
    {
        reader.wrap(event.frame, CommandFrame.BODY_OFFSET);
        final Account account = context.accounts().find(reader.readString(text));
        if (account == null || !VenueKind.exchange(account.venue))
        {
            event.reject(ResultCode.NOT_FOUND, "no exchange account with this account_id", "account_id");
            return null;
        }
        return account;
    }
}
