using Google.Protobuf.WellKnownTypes;
using Grants.Contracts.V1;
using Grants.Projections.Audit.Reading;

namespace Grants.Api.Services.Audit;

/// <summary>A stored row on the wire: the canonical text the hash covers, never a re-serialisation of a CLR record.</summary>
internal static class AuditEvents
{
    public static AuditEvent ToWire(RawEvent e)
    {
        var body = e.Canonical();
        var metadata = e.ToMetadata();
        return new AuditEvent
        {
            Position = e.Position,
            StreamId = e.StreamId,
            StreamType = e.StreamType,
            Version = e.Version,
            Type = e.EventType,
            DataJson = body.DataJson,
            MetadataJson = body.MetadataJson,
            Metadata = new AuditEventMetadata
            {
                Actor = metadata.Actor,
                RequestId = metadata.RequestId,
                CorrelationId = metadata.CorrelationId ?? "",
                CausationId = metadata.CausationId ?? "",
            },
            RecordedAt = Timestamp.FromDateTimeOffset(e.RecordedAt),
            PrevHash = Convert.ToHexStringLower(e.PreviousHash),
            Hash = Convert.ToHexStringLower(e.Hash),
            CanonicalProblem = body.Problem ?? "",
        };
    }
}
