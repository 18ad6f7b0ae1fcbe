package io.ordergate.engine.auth;

import org.agrona.collections.Int2IntHashMap;

/**
 * The rows behind {@link Principals}: one per key or user that holds one, reached by principal. Principals are numbered in
 * the order they were made and a number is never given again; a row whose principal was freed is taken by a later one.
 * The rows are also kept in principal order (a doubly linked list), so every walk and the digest go in the order they
 * went when no row was ever freed. <b>Not thread safe</b>: owned by the engine thread; allocates nothing after construction
 * (its index never grows).
 */
final class PrincipalTable
{
    static final int NO_ROW = -1;
    static final int[] NO_ACCOUNTS = new int[0];

    // By row; Principals reads and writes the fields of a row it holds.
    final int[] scopes;
    final int[][] accountIndexes;
    final int[] kinds;
    final int[] owners;
    final long[] createdMicros;
    /** The api key's bytes of a key's row (to forget the key when its row is freed); null for a user. */
    final byte[][] apiKeys;
    final int[] principalOfRow;
    private final int[] nextRow;
    private final int[] previousRow;
    /**
     * The digest steps of the freed principals just before a row's ({@code hash * skippedFactor + skippedTerm}, which is
     * exact in {@code long}'s wrapping arithmetic), so the digest is what it was when every principal kept its row: a
     * journal gives the same digest whether or not rows were freed.
     */
    private final long[] skippedFactor;
    private final long[] skippedTerm;
    private final int[] freeRows;
    private final Int2IntHashMap rowOfPrincipal;
    private int firstRow = NO_ROW;
    private int lastRow = NO_ROW;
    private long trailingFactor = 1;
    private long trailingTerm;
    private int freeCount;
    private int rowsTaken;
    /** Principals given so far: the next one's number. */
    private int count;

    PrincipalTable(final int capacity)
    {
        scopes = new int[capacity];
        accountIndexes = new int[capacity][];
        kinds = new int[capacity];
        owners = new int[capacity];
        createdMicros = new long[capacity];
        apiKeys = new byte[capacity][];
        principalOfRow = new int[capacity];
        nextRow = new int[capacity];
        previousRow = new int[capacity];
        skippedFactor = new long[capacity];
        skippedTerm = new long[capacity];
        freeRows = new int[capacity];
        // room for every row at under its load factor, so it never grows: a get or a put allocates nothing
        rowOfPrincipal = new Int2IntHashMap(Math.max(8, capacity * 2), 0.65f, NO_ROW);
    }

    /** Principals given so far, freed ones too. */
    int count()
    {
        return count;
    }

    boolean isFull()
    {
        return freeCount == 0 && rowsTaken == scopes.length;
    }

    /** The row of a principal, or {@link #NO_ROW} (the system, nobody, a principal whose row was freed). */
    int rowOf(final int principal)
    {
        return principal >= 0 && principal < count ? rowOfPrincipal.get(principal) : NO_ROW;
    }

    /** The first row in principal order, or {@link #NO_ROW}. */
    int firstRow()
    {
        return firstRow;
    }

    /** The row after {@code row} in principal order, or {@link #NO_ROW}. */
    int nextRow(final int row)
    {
        return nextRow[row];
    }

    /** A new principal, the next number, in a free row (the last freed first) or a row never taken. */
    int add(final int kind, final int scope, final int[] accounts, final int owner, final long micros)
    {
        final int row = freeCount > 0 ? freeRows[--freeCount] : rowsTaken++;
        final int principal = count++;
        rowOfPrincipal.put(principal, row);
        principalOfRow[row] = principal;
        kinds[row] = kind;
        scopes[row] = scope;
        accountIndexes[row] = accounts;
        owners[row] = owner;
        createdMicros[row] = micros;
        apiKeys[row] = null;
        previousRow[row] = lastRow;
        nextRow[row] = NO_ROW;
        if (lastRow == NO_ROW)
        {
            firstRow = row;
        }
        else
        {
            nextRow[lastRow] = row;
        }
        lastRow = row;
        skippedFactor[row] = trailingFactor;
        skippedTerm[row] = trailingTerm;
        trailingFactor = 1;
        trailingTerm = 0;
        return principal;
    }

    /**
     * Frees a row: its principal finds no row from now on. Its digest steps (as {@link #digest} takes them, with the fields
     * it has now) join the skipped steps of the next row, or the trailing ones.
     */
    void free(final int row)
    {
        long factor = skippedFactor[row] * 31 * 31 * 31 * 31;
        long term = (((skippedTerm[row] * 31 + kinds[row]) * 31 + scopes[row]) * 31 + owners[row]) * 31 + createdMicros[row];
        for (final int account : accountIndexes[row])
        {
            factor *= 31;
            term = term * 31 + account;
        }
        final int next = nextRow[row];
        final int previous = previousRow[row];
        if (next == NO_ROW)
        {
            trailingTerm = term * trailingFactor + trailingTerm;
            trailingFactor = factor * trailingFactor;
            lastRow = previous;
        }
        else
        {
            skippedTerm[next] = term * skippedFactor[next] + skippedTerm[next];
            skippedFactor[next] = factor * skippedFactor[next];
            previousRow[next] = previous;
        }
        if (previous == NO_ROW)
        {
            firstRow = next;
        }
        else
        {
            nextRow[previous] = next;
        }
        rowOfPrincipal.remove(principalOfRow[row]);
        apiKeys[row] = null;
        accountIndexes[row] = NO_ACCOUNTS;
        freeRows[freeCount++] = row;
    }

    /** A stable fingerprint of every principal given, freed ones included, in principal order. */
    long digest()
    {
        long hash = count;
        for (int row = firstRow; row != NO_ROW; row = nextRow[row])
        {
            hash = hash * skippedFactor[row] + skippedTerm[row];
            hash = hash * 31 + kinds[row];
            hash = hash * 31 + scopes[row];
            hash = hash * 31 + owners[row];
            hash = hash * 31 + createdMicros[row];
            for (final int account : accountIndexes[row])
            {
                hash = hash * 31 + account;
            }
        }
        return hash * trailingFactor + trailingTerm;
    }
}
