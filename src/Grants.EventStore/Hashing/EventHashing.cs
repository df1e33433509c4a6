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
        var output = new ArrayBufferWriter<byte>(canonicalData.Length + canonicalMetadata.Length + 192);
        output.Write("{\"data\":"u8);
        output.Write(canonicalData);
        output.Write(",\"metadata\":"u8);
        output.Write(canonicalMetadata);
        output.Write(",\"position\":"u8);
        CanonicalJson.WriteInteger(output, position);
        output.Write(",\"recorded_at\":"u8);
        CanonicalJson.WriteString(output, FormatRecordedAt(recordedAt));
        output.Write(",\"stream_id\":"u8);
        CanonicalJson.WriteString(output, streamId);
        output.Write(",\"stream_type\":"u8);
        CanonicalJson.WriteString(output, streamType);
        output.Write(",\"type\":"u8);
        CanonicalJson.WriteString(output, type);
        output.Write(",\"version\":"u8);
        CanonicalJson.WriteInteger(output, version);
        output.Write("}"u8);
        return output.WrittenSpan.ToArray();
    }
}
