package io.ordergate.benchmarks.drills;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Journal damage as a bad sector, a torn write or an operator's mistake leaves it, each kind once per round, on a
 * journal of a real gateway killed with {@code kill -9}:
 * <ul>
 * <li>at the tail (the last record's header zeroed, its body cut short, one bit of it flipped): the gateway starts,
 * moves the damaged tail aside to {@code journal/damaged/}, and the orders it acknowledges after that are all there at
 * the next start (nothing appended after damage is lost);</li>
 * <li>in the middle (one bit flipped in a middle record): the gateway refuses to start and names {@code journal
 * repair}; the repair keeps every record before the damage and moves the rest aside; the orders acknowledged before
 * the damage are all there and those after it are not (a cut, never a changed replay), and new orders survive the
 * next restart.</li>
 * </ul>
 * Any other outcome counts as a failure.
 */
final class JournalDamageDrill
{
    /** A record's line in {@code journal dump}: day file, byte offset of its document header, payload length. */
    private static final Pattern RECORD_LINE = Pattern.compile("^(\\S+\\.cq4) index=0x[0-9a-f]+ at=(\\d+) length=(\\d+) ", Pattern.MULTILINE);
    /**
     * Bytes from a record's document position to its payload: Chronicle's 4-byte document header, then the record's
     * own CRC32C, format word and payload length (the layout in the journal module's RecordFormat, attacked here from
     * outside as a disk would).
     */
    private static final int PAYLOAD_FROM_DOCUMENT = 4 + 12;
    private static final int ORDERS = 20;

    private enum Damage
    {
        TAIL_HEADER_ZEROED("the last record's header zeroed"),
        TAIL_BODY_CUT("the last record's last 8 bytes zeroed"),
        TAIL_BIT_FLIPPED("one bit of the last record flipped"),
        MIDDLE_BIT_FLIPPED("one bit of a middle record flipped, then journal repair");

        private final String description;

        Damage(final String description)
        {
            this.description = description;
        }
    }

    private record RecordAt(String file, long at, int length)
    {
    }

    private final Drills.DrillSetup setup;
    private int requests;
    private int failures;

    JournalDamageDrill(final Drills.DrillSetup setup)
    {
        this.setup = setup;
    }

    DrillResult run(final int rounds) throws IOException, InterruptedException
    {
        for (int round = 0; round < rounds; round++)
        {
            for (final Damage damage : Damage.values())
            {
                trial(round, damage);
            }
        }
        final List<String> kinds = new ArrayList<>();
        for (final Damage damage : Damage.values())
        {
            kinds.add(damage.description);
        }
        return new DrillResult("damage", rounds * Damage.values().length, requests, failures, String.join("; ", kinds)
            + "; each restarted twice");
    }

    private void trial(final int round, final Damage damage) throws IOException, InterruptedException
    {
        final String name = "damage-" + round + "-" + damage.ordinal();
        final int first = (round * Damage.values().length + damage.ordinal()) * 1000;
        final Map<String, String> before = new LinkedHashMap<>();  // acknowledged before the damage, in order
        try (DrillGateway gateway = setup.start(name))
        {
            gateway.call("POST", "/api/v1/quotes", CrashDrills.QUOTE);
            place(gateway, first, before);
            gateway.kill();
        }
        final Path dataDir = setup.dataDir(name);
        final Path journal = dataDir.resolve("journal");
        final List<RecordAt> records = records(DrillGateway.tool(setup.gatewayJar(), "journal", "dump", "--data-dir", dataDir.toString()));
        final RecordAt last = records.get(records.size() - 1);
        switch (damage)
        {
            case TAIL_HEADER_ZEROED -> write(journal, last.file(), last.at(), new byte[4]);
            case TAIL_BODY_CUT -> write(journal, last.file(), last.at() + PAYLOAD_FROM_DOCUMENT + last.length() - 8, new byte[8]);
            case TAIL_BIT_FLIPPED -> flipBit(journal, last.file(), last.at() + PAYLOAD_FROM_DOCUMENT + last.length() / 2);
            default ->
            {
                final RecordAt middle = records.get(records.size() - ORDERS / 2);  // among the orders
                flipBit(journal, middle.file(), middle.at() + PAYLOAD_FROM_DOCUMENT + middle.length() / 2);
                if (!refusedNamingRepair(name))
                {
                    failures++;
                }
                DrillGateway.tool(setup.gatewayJar(), "journal", "repair", "--data-dir", dataDir.toString());
            }
        }
        final Map<String, String> after = new LinkedHashMap<>();
        try (DrillGateway gateway = setup.start(name))
        {
            if (!Files.isDirectory(journal.resolve("damaged")))
            {
                failures++;  // the damaged part must be moved aside, never dropped
            }
            if (damage == Damage.MIDDLE_BIT_FLIPPED && !keptAPrefix(gateway, before))
            {
                failures++;
            }
            gateway.call("POST", "/api/v1/quotes", CrashDrills.QUOTE);
            place(gateway, first + 500, after);
            failures += ORDERS - after.size();
            gateway.kill();
        }
        try (DrillGateway gateway = setup.start(name))
        {
            final Set<String> lost = ConcurrentHashMap.newKeySet();
            CrashDrills.missing(gateway, after, lost);  // appended after the damage: replayed at the next start
            failures += lost.size();
        }
    }

    private void place(final DrillGateway gateway, final int first, final Map<String, String> acknowledged)
    {
        for (int i = 0; i < ORDERS; i++, requests++)
        {
            final HttpResponse<String> reply = gateway.call("POST", "/api/v1/orders", CrashDrills.order(first + i));
            if (reply != null && reply.statusCode() == 201)
            {
                final JsonNode json = CrashDrills.read(reply.body());
                acknowledged.put(json.path("order_id").asText(), json.path("status").asText());
            }
        }
    }

    /** Start-up must stop (the gateway exits before listening) and say which command repairs the journal. */
    private boolean refusedNamingRepair(final String name) throws IOException, InterruptedException
    {
        try
        {
            setup.start(name).close();
            return false;  // it started on a journal damaged in the middle
        }
        catch (final IllegalStateException refused)
        {
            return refused.getMessage().contains("journal repair");
        }
    }

    /**
     * After a repair, the orders acknowledged before the damage are there, in their state, up to the cut, and none
     * after it: present ones form a non-empty prefix of the acknowledged sequence.
     */
    private static boolean keptAPrefix(final DrillGateway gateway, final Map<String, String> acknowledged)
    {
        boolean cut = false;
        int kept = 0;
        for (final Map.Entry<String, String> order : acknowledged.entrySet())
        {
            final HttpResponse<String> reply = gateway.call("GET", "/api/v1/orders/" + order.getKey(), null);
            final boolean present = reply != null && reply.statusCode() == 200
                && order.getValue().equals(CrashDrills.read(reply.body()).path("status").asText());
            if (present && cut)
            {
                return false;  // an order after the damage replayed: the cut was not a cut
            }
            if (present)
            {
                kept++;
            }
            cut |= !present;
        }
        return kept > 0 && cut;
    }

    private static List<RecordAt> records(final String dump)
    {
        final List<RecordAt> records = new ArrayList<>();
        final Matcher line = RECORD_LINE.matcher(dump);
        while (line.find())
        {
            records.add(new RecordAt(line.group(1), Long.parseLong(line.group(2)), Integer.parseInt(line.group(3))));
        }
        if (records.size() < 4)
        {
            throw new IllegalStateException("too few records in the journal's dump: " + dump);
        }
        return records;
    }

    private static void write(final Path journal, final String file, final long at, final byte[] bytes) throws IOException
    {
        try (FileChannel channel = FileChannel.open(journal.resolve(file), StandardOpenOption.WRITE))
        {
            channel.write(ByteBuffer.wrap(bytes), at);
        }
    }

    private static void flipBit(final Path journal, final String file, final long at) throws IOException
    {
        try (FileChannel channel = FileChannel.open(journal.resolve(file), StandardOpenOption.READ, StandardOpenOption.WRITE))
        {
            final ByteBuffer one = ByteBuffer.allocate(1);
            channel.read(one, at);
            one.put(0, (byte)(one.get(0) ^ 0x10));
            one.rewind();
            channel.write(one, at);
        }
    }
}
