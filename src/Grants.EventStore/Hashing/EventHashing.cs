using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;

namespace Grants.EventStore;

/// <summary>The tamper-evident chain: hash(n) = SHA-256(hash(n-1) || canonical bytes of event n), with 32 zero bytes
/// before the first event. docs/EVENT-STORE.md spells out the bytes with a worked example an auditor can reproduce.</summary>
public static class EventHashing
{
    public const int HashLength = 32;

    public static ReadOnlySpan<byte> Genesis => new byte[HashLength];

    /// <summary>{"data","metadata","position","recorded_at","stream_id","stream_type","type","version"} in JCS form;
    /// data and metadata are canonicalised from their parsed JSON, so key order and spacing never matter.</summary>
    public static byte[] CanonicalBytes(long position, string streamId, string streamType, long version, string type,
                                        ReadOnlySpan<byte> dataJson, ReadOnlySpan<byte> metadataJson, DateTimeOffset recordedAt) =>
        CanonicalEnvelope(position, streamId, streamType, version, type,
            CanonicalJson.Canonicalize(dataJson), CanonicalJson.Canonicalize(metadataJson), recordedAt);

    public static byte[] ChainHash(ReadOnlySpan<byte> previousHash, ReadOnlySpan<byte> canonicalBytes)
    {
        if (previousHash.Length != HashLength)
            throw new ArgumentException($"A previous hash is {HashLength} bytes.", nameof(previousHash));
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(previousHash);
        sha.AppendData(canonicalBytes);
        return sha.GetHashAndReset();
    }

    /// <summary>UTC with exactly six fractional digits, the precision of PostgreSQL's timestamptz.</summary>
    public static string FormatRecordedAt(DateTimeOffset recordedAt) =>
        recordedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Microsecond precision, as PostgreSQL stores it, so the hash computed before the insert matches the row.</summary>
    public static DateTimeOffset TruncateToMicroseconds(DateTimeOffset time) =>
        new(time.UtcTicks - time.UtcTicks % 10, TimeSpan.Zero);

    /// <summary>The envelope around already-canonical data and metadata (keys below are written in sorted order).</summary>
    internal static byte[] CanonicalEnvelope(long position, string streamId, string streamType, long version, string type,
                                             ReadOnlySpan<byte> canonicalData, ReadOnlySpan<byte> canonicalMetadata, DateTimeOffset recordedAt)
    {
        var (prefix, suffix) = EnvelopeAround(streamId, streamType, version, type, canonicalData, canonicalMetadata, recordedAt);
        var output = new ArrayBufferWriter<byte>(prefix.Length + suffix.Length + 20);
        output.Write(prefix);
        CanonicalJson.WriteInteger(output, position);
        output.Write(suffix);
        return output.WrittenSpan.ToArray();
    }

    /// <summary>The envelope's bytes before and after its position: the chain step (grants.append_chain) hashes
    /// prefix || decimal position || suffix once the position is known, under the head lock.</summary>
    internal static (byte[] Prefix, byte[] Suffix) EnvelopeAround(string streamId, string streamType, long version, string type,
        ReadOnlySpan<byte> canonicalData, ReadOnlySpan<byte> canonicalMetadata, DateTimeOffset recordedAt)
    {
        var prefix = new ArrayBufferWriter<byte>(canonicalData.Length + canonicalMetadata.Length + 32);
        prefix.Write("{\"data\":"u8);
        prefix.Write(canonicalData);
        prefix.Write(",\"metadata\":"u8);
        prefix.Write(canonicalMetadata);
        prefix.Write(",\"position\":"u8);
        var suffix = new ArrayBufferWriter<byte>(192);
        suffix.Write(",\"recorded_at\":"u8);
        CanonicalJson.WriteString(suffix, FormatRecordedAt(recordedAt));
        suffix.Write(",\"stream_id\":"u8);
        CanonicalJson.WriteString(suffix, streamId);
        suffix.Write(",\"stream_type\":"u8);
        CanonicalJson.WriteString(suffix, streamType);
        suffix.Write(",\"type\":"u8);
        CanonicalJson.WriteString(suffix, type);
        suffix.Write(",\"version\":"u8);
        CanonicalJson.WriteInteger(suffix, version);
        suffix.Write("}"u8);
        return (prefix.WrittenSpan.ToArray(), suffix.WrittenSpan.ToArray());
    }
}
