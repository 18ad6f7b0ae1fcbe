package io.ordergate.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

import net.openhft.chronicle.wire.Wires;

/** Used by tests on one thread: finds records in a journal's files and damages them as disks and crashes do. */
final class DamagedFiles
{
    private DamagedFiles()
    {
    }

    /** @return the byte offset of each record's document header in {@code file}, in order */
    static List<Long> recordPositions(final Path file)
    {
        return recordPositions(file, true);
    }

    /** @param checked false for a file written before checksums: each data document is a record */
    static List<Long> recordPositions(final Path file, final boolean checked)
    {
        List<Long> positions = new ArrayList<>();
        try (CycleFileReader reader = new CycleFileReader(file))
        {
            RecordCursor cursor = new RecordCursor(reader, new CRC32C(), checked);
            while (cursor.next() == RecordCursor.Stop.RECORD)
            {
                positions.add(cursor.documentPosition());
            }
        }
        return positions;
    }

    /**
     * @return the byte offset of each of Chronicle's own metadata documents in {@code file} (its store header, its
     * index2index array, its index arrays), in order, read from the document headers of an intact file
     */
    static List<Long> metadataPositions(final Path file)
    {
        List<Long> positions = new ArrayList<>();
        try (CycleFileReader reader = new CycleFileReader(file))
        {
            long at = 0;
            int header;
            while (at + Integer.BYTES <= reader.size() && (header = reader.intAt(at)) != 0 && header != Wires.END_OF_DATA)
            {
                if ((header & Wires.META_DATA) != 0)
                {
                    positions.add(at);
                }
                at = RecordCursor.align(at + Integer.BYTES + (header & Wires.LENGTH_MASK));
            }
        }
        return positions;
    }

    /** @return the length of the record body (checksum, format word, length, payload) whose header is at {@code at} */
    static int bodyLength(final Path file, final long at)
    {
        return readInt(file, at) & 0x3FFF_FFFF;
    }

    /** @return a SHA-256 of the file's bytes, read through a small buffer (queue files are tens of megabytes) */
    static String digest(final Path file)
    {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ))
        {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            ByteBuffer chunk = ByteBuffer.allocate(1 << 20);
            while (channel.read(chunk) >= 0)
            {
                chunk.flip();
                sha.update(chunk);
                chunk.clear();
            }
            return java.util.HexFormat.of().formatHex(sha.digest());
        }
        catch (IOException e)
        {
            throw new UncheckedIOException(e);
        }
        catch (java.security.NoSuchAlgorithmException e)
        {
            throw new IllegalStateException(e);
        }
    }

    static Path lastCycleFile(final Path directory)
    {
        List<CycleFile> files = CycleFile.list(directory);
        return files.get(files.size() - 1).path();
    }

    static int readInt(final Path file, final long at)
    {
        ByteBuffer bytes = ByteBuffer.allocate(Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ))
        {
            channel.read(bytes, at);
            return bytes.getInt(0);
        }
        catch (IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }

    static void writeInt(final Path file, final long at, final int value)
    {
        ByteBuffer bytes = ByteBuffer.allocate(Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN).putInt(0, value);
        write(file, at, bytes);
    }

    static void zero(final Path file, final long at, final int length)
    {
        write(file, at, ByteBuffer.allocate(length));
    }

    /** Flips every bit of one byte. */
    static void flipByte(final Path file, final long at)
    {
        ByteBuffer bytes = ByteBuffer.allocate(1);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE))
        {
            channel.read(bytes, at);
            bytes.put(0, (byte) ~bytes.get(0));
            bytes.flip();
            channel.write(bytes, at);
        }
        catch (IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }

    static void truncate(final Path file, final long size)
    {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE))
        {
            channel.truncate(size);
        }
        catch (IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(final Path file, final long at, final ByteBuffer bytes)
    {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE))
        {
            bytes.rewind();
            while (bytes.hasRemaining())
            {
                channel.write(bytes, at + bytes.position());
            }
        }
        catch (IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }
}
