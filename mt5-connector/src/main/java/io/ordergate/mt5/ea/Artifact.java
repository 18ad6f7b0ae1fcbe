package io.ordergate.mt5.ea;

/**
 * One stored file of an EA version: its kind ({@code MQ5} source, {@code EX5} compiled), SHA-256 and size. The bytes
 * are content-addressed files in the data directory, named by the hash (never in the journal); an agent that only
 * gave a URL leaves {@link #externalUrl} instead. <b>Not thread safe</b>: engine thread.
 */
final class Artifact
{
    static final int MQ5 = 1;
    static final int EX5 = 2;

    final int index;
    final int version;
    final int kind;
    final byte[] sha256;
    final long size;
    final String fileName;
    final String externalUrl;
    final long createdMicros;

    Artifact(final int index, final int version, final int kind, final byte[] sha256, final long size, final String fileName,
        final String externalUrl, final long createdMicros)
    {
        this.index = index;
        this.version = version;
        this.kind = kind;
        this.sha256 = sha256;
        this.size = size;
        this.fileName = fileName;
        this.externalUrl = externalUrl;
        this.createdMicros = createdMicros;
    }

    String id()
    {
        return EaState.ARTIFACT_PREFIX + (index + 1);
    }

    String kindName()
    {
        return kind == MQ5 ? "MQ5" : "EX5";
    }
}
