using Grants.Api.Auth;
using Grants.Api.Commands;
using Grants.Api.Errors;
using Grants.Domain.Catalog;
using Grants.EventStore;
using Grpc.Core;
using V1 = Grants.Contracts.V1;

namespace Grants.Api.Services.Catalog;

public sealed partial class CatalogService
{
    public const int MaxRuleReferenceLength = 200;

    /// <summary>Decides against the catalog as read and appends at the version read, so two bureaus configuring at
    /// once on two servers are serialised by the stream: the loser is retried by the guard on the new catalog.</summary>
    public override Task<V1.ConfigureMeasureCapResponse> ConfigureMeasureCap(V1.ConfigureMeasureCapRequest request, ServerCallContext context) =>
        guard.Execute<V1.ConfigureMeasureCapRequest, V1.ConfigureMeasureCapResponse>(context, request, async write =>
        {
            var checks = new RequestChecks();
            var measureId = checks.MeasureId(request.MeasureId);
            var bureauCode = checks.Id(request.BureauCode, "bureau_code");
            var cap = checks.Amount(request.CapFen, "cap_fen");
            var rule = checks.Name(request.RuleReference, "rule_reference", MaxRuleReferenceLength);
            var officer = checks.Officer(request.Officer);
            checks.ThrowIfInvalid();

            var ct = write.CancellationToken;
            var current = await catalog.Current(ct);
            var version = catalog.Version;
            if (!ReferenceEquals(catalog.Latest, current))
                throw new ConcurrencyException(CatalogEvents.StreamId, version, catalog.Version); // reloaded meanwhile: decide again

            var measure = current.MeasureOrNotFound(measureId);
            var bureau = current.BureauOrNotFound(bureauCode);
            CallerContext.Of(context).EnsureBureau(bureau.Code);
            current.EnsureOfficer(officer, context);

            // The request carries no date: a cap configured today governs awards approved from today on.
            var today = time.Today();
            var decision = CatalogDecider.Decide(new ConfigureMeasureCap(measure.Id, cap, bureau.Code, rule, today), current);
            if (decision.Error is { } error)
                throw error.ToRpcException(measure.Id);

            var after = CatalogDecider.Evolve(current, decision.Events);
            V1.ConfigureMeasureCapResponse Respond(IReadOnlyList<StoredEvent> stored) => new()
            {
                Measure = after.FindMeasure(measure.Id)!.ToMessage(after, today, _ => stored[^1].RecordedAt),
            };

            V1.ConfigureMeasureCapResponse? response = null;
            await store.Append(
                [new StreamAppend(CatalogEvents.StreamId, CatalogEvents.StreamType, version, [.. decision.Events])],
                write.Metadata, write.Recording(stored => response = Respond(stored)), ct);
            return response!;
        });
}
