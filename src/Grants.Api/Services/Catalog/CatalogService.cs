using Grants.Api.Services.Listing;
using System.Globalization;
using Grants.Api.Commands;
using Grants.Api.Errors;
using Grants.Api.Idempotency;
using Grants.Domain.Catalog;
using Grants.EventStore;
using Grpc.Core;
using V1 = Grants.Contracts.V1;

namespace Grants.Api.Services.Catalog;

/// <summary>grants.v1.CatalogService: the policy catalog as recorded on the "catalog" stream. Reads answer from the
/// cached catalog after checking the stream's version, so a cap configured on another server shows at once.</summary>
public sealed partial class CatalogService(
    CatalogState catalog, CapHistory caps, PostgresEventStore store, IdempotencyGuard guard, TimeProvider time)
    : V1.CatalogService.CatalogServiceBase
{
    public override async Task<V1.ListPoliciesResponse> ListPolicies(V1.ListPoliciesRequest request, ServerCallContext context)
    {
        var checks = new RequestChecks();
        var jurisdiction = checks.OptionalId(request.JurisdictionCode, "jurisdiction_code");
        checks.ThrowIfInvalid();

        var current = await catalog.Current(context.CancellationToken);
        return new V1.ListPoliciesResponse
        {
            Policies =
            {
                current.Policies
                    .Where(p => jurisdiction is null || p.Jurisdiction.Value == jurisdiction)
                    .OrderBy(p => p.Id.Value, StringComparer.Ordinal)
                    .Select(p => p.ToMessage()),
            },
        };
    }

    public override async Task<V1.ListBureausResponse> ListBureaus(V1.ListBureausRequest request, ServerCallContext context)
    {
        var current = await catalog.Current(context.CancellationToken);
        return new V1.ListBureausResponse
        {
            Jurisdictions = { current.Jurisdictions.OrderBy(j => j.Code.Value, StringComparer.Ordinal).Select(j => j.ToMessage()) },
            Bureaus = { current.Bureaus.OrderBy(b => b.Code.Value, StringComparer.Ordinal).Select(b => b.ToMessage()) },
        };
    }

    public override async Task<V1.ListMeasuresResponse> ListMeasures(V1.ListMeasuresRequest request, ServerCallContext context)
    {
        var checks = new RequestChecks();
        var policyId = checks.OptionalId(request.PolicyId, "policy_id");
        var bureau = checks.OptionalId(request.BureauCode, "bureau_code");
        var kind = checks.EnumFilter(request.Kind, "kind");
        var pageSize = checks.PageSize(request.PageSize);
        var filter = $"{policyId}|{bureau}|{(int)kind}";
        var position = PageToken.Decode(request.PageToken, filter, 1, checks);
        var offset = 0;
        if (position is not null && (!int.TryParse(position[0], NumberStyles.None, CultureInfo.InvariantCulture, out offset)))
            checks.Add("page_token", "is not a next_page_token this server issued");
        checks.ThrowIfInvalid();

        var ct = context.CancellationToken;
        var current = await catalog.Current(ct);
        IEnumerable<Policy> policies = current.Policies.OrderBy(p => p.Id.Value, StringComparer.Ordinal);
        if (policyId is not null)
            policies = [current.PolicyOrNotFound(policyId)];

        // Article order is the order of the policy document, which is the order its measures are listed in.
        var matching = policies.SelectMany(p => p.Measures)
            .Where(m => bureau is null || m.ResponsibleBureaus.Any(b => b.Value == bureau))
            .Where(m => kind == V1.MeasureKind.Unspecified || m.Kind.ToMessage() == kind)
            .ToList();
        var page = matching.Skip(offset).Take(pageSize).ToList();
        var recordedAt = await caps.RecordedTimes(catalog.Version, ct);
        var today = time.Today();
        var next = offset + page.Count;
        return new V1.ListMeasuresResponse
        {
            Measures = { page.Select(m => m.ToMessage(current, today, recordedAt)) },
            NextPageToken = next < matching.Count ? PageToken.Encode(filter, next.ToString(CultureInfo.InvariantCulture)) : "",
        };
    }

    public override async Task<V1.GetMeasureResponse> GetMeasure(V1.GetMeasureRequest request, ServerCallContext context)
    {
        var checks = new RequestChecks();
        var measureId = checks.MeasureId(request.MeasureId);
        checks.ThrowIfInvalid();

        var ct = context.CancellationToken;
        var current = await catalog.Current(ct);
        var measure = current.MeasureOrNotFound(measureId);
        var recordedAt = await caps.RecordedTimes(catalog.Version, ct);
        return new V1.GetMeasureResponse { Measure = measure.ToMessage(current, time.Today(), recordedAt) };
    }
}
