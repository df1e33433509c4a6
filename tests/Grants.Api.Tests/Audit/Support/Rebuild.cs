using Grants.Contracts.V1;
using Grpc.Core;

namespace Grants.Api.Tests.Audit.Support;

/// <summary>Runs RebuildCompare to its result, collecting the progress it reported.</summary>
internal static class Rebuild
{
    public static async Task<(IReadOnlyList<AuditProgress> Progress, RebuildCompareResult Result)> Run(
        AuditService.AuditServiceClient client, RebuildCompareRequest request)
    {
        using var call = client.RebuildCompare(request, deadline: DateTime.UtcNow.AddMinutes(5));
        var progress = new List<AuditProgress>();
        RebuildCompareResult? result = null;
        await foreach (var update in call.ResponseStream.ReadAllAsync())
        {
            if (update.Progress is { } p)
                progress.Add(p);
            result = update.Result ?? result;
        }
        return (progress, result ?? throw new InvalidOperationException("RebuildCompare ended without a result."));
    }
}
