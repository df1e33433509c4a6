using Google.Protobuf.WellKnownTypes;
using Grants.Api.Auth;
using Grants.Api.Errors;
using Grants.Contracts.V1;
using Grants.Projections.Audit;
using Grants.Projections.Audit.Rebuild;
using Grpc.Core;

namespace Grants.Api.Services.Audit;

public sealed partial class AuditService
{
    public const int DefaultMaxDifferences = 100;
    public const int MostMaxDifferences = 10_000;

    public override async Task<GetDigestResponse> GetDigest(GetDigestRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var head = await store.Head(ct);
        var response = new GetDigestResponse
        {
            Position = head.Position,
            Hash = head.HashHex,
            TakenAt = Timestamp.FromDateTimeOffset(time.GetUtcNow()),
        };
        await foreach (var last in _log.Read(head.Position - 1, head.Position, Projections.Audit.Reading.EventFilter.None, ct))
            response.RecordedAt = Timestamp.FromDateTimeOffset(last.RecordedAt);
        return response;
    }

    public override async Task Verify(VerifyRequest request, IServerStreamWriter<VerifyUpdate> responseStream, ServerCallContext context)
    {
        var checks = new RequestChecks();
        var from = Math.Max(checks.Position(request.FromPosition, "from_position"), 1);
        var to = checks.Position(request.ToPosition, "to_position");
        if (to != 0 && to < from - 1)
            checks.Add("to_position", "must not be before from_position");
        var digest = checks.Digest(request.Digest, "digest");
        if (digest is { Position: > 0 } && (digest.Position < from || (to != 0 && digest.Position > to)))
            checks.Add("digest.position", "must lie within the positions verified");
        checks.ThrowIfInvalid();

        var ct = context.CancellationToken;
        var (result, head) = await new ChainCheck(store).Run(from, to == 0 ? null : to, digest,
            p => responseStream.WriteAsync(new VerifyUpdate { Progress = Progress(p) }, ct), ct);
        await responseStream.WriteAsync(new VerifyUpdate
        {
            Result = new VerifyResult
            {
                Ok = result.Ok,
                CheckedThrough = result.CheckedThrough,
                FirstBadPosition = result.FirstBadPosition ?? 0,
                Problem = result.Problem ?? "",
                Head = new Digest { Position = head.Position, Hash = head.HashHex },
            },
        }, ct);
    }

    public override async Task RebuildCompare(RebuildCompareRequest request, IServerStreamWriter<RebuildCompareUpdate> responseStream,
                                              ServerCallContext context)
    {
        var checks = new RequestChecks();
        if (request.MaxDifferences is < 0 or > MostMaxDifferences)
            checks.Add("max_differences", $"must be from 0 (default {DefaultMaxDifferences}) to {MostMaxDifferences}");
        checks.ThrowIfInvalid();
        AuditScope.EnsureWholeLog(CallerContext.Of(context), "rebuilding and comparing every projection");

        var ct = context.CancellationToken;
        var comparer = new RebuildComparer(db, store.Types, time);
        RebuildReport report;
        try
        {
            report = await comparer.Run(request.KeepShadow, request.MaxDifferences == 0 ? DefaultMaxDifferences : request.MaxDifferences,
                p => responseStream.WriteAsync(new RebuildCompareUpdate { Progress = Progress(p) }, ct), ct);
        }
        catch (ShadowSchemaRefusedException e)
        {
            throw ApiError.WrongState("shadow schema", e.Message).ToRpcException();
        }

        await responseStream.WriteAsync(new RebuildCompareUpdate { Result = Result(report) }, ct);
    }

    private static RebuildCompareResult Result(RebuildReport report) => new()
    {
        Identical = report.Identical,
        Position = report.Position,
        EventsReplayed = report.EventsReplayed,
        EventsPerSecond = Math.Round(report.EventsPerSecond, 1),
        Tables = { report.Tables },
        DifferenceCount = report.DifferenceCount,
        Differences =
        {
            report.Differences.Select(d => new ProjectionDifference
            {
                Source = d.Source, Table = d.Table, Key = d.Key, Column = d.Column ?? "", Live = d.Live ?? "", Rebuilt = d.Rebuilt ?? "",
            }),
        },
        ShadowDatabase = report.ShadowDatabase ?? "",
    };

    private static AuditProgress Progress(WorkProgress p) => new() { Phase = p.Phase, Done = p.Done, Total = p.Total };
}
