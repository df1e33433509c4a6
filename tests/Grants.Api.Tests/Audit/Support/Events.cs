using Grants.Contracts.V1;
using Grpc.Core;

namespace Grants.Api.Tests.Audit.Support;

/// <summary>Reads a bounded StreamEvents call to its end.</summary>
internal static class Events
{
    public static async Task<IReadOnlyList<AuditEvent>> All(AuditService.AuditServiceClient client, StreamEventsRequest request)
    {
        using var call = client.StreamEvents(request, deadline: DateTime.UtcNow.AddMinutes(2));
        var events = new List<AuditEvent>();
        await foreach (var e in call.ResponseStream.ReadAllAsync())
            events.Add(e);
        return events;
    }
}
