using Grants.Api.Services.Listing;
using System.Globalization;
using Grants.Api.Auth;
using Grants.Api.Commands;
using Grants.Api.Errors;
using Grants.Api.Services.Catalog;
using Grants.Domain;
using Grants.Domain.Applicants.Registering;
using Grants.Domain.Catalog;
using Grants.Projections.Queries;
using Grpc.Core;
using V1 = Grants.Contracts.V1;

namespace Grants.Api.Services.Budgets;

public sealed partial class BudgetService
{
    public override async Task<V1.GetLedgerResponse> GetLedger(V1.GetLedgerRequest request, ServerCallContext context)
    {
        var checks = new RequestChecks();
        var line = checks.Line(request.BureauCode, request.FiscalYear, request.MeasureId);
        checks.ThrowIfInvalid();

        var ct = context.CancellationToken;
        var (key, _) = (await catalog.Current(ct)).Resolve(line, context);
        var row = await ledgers.Find(key, ct) ?? throw ApiError.NotFound("ledger", key.ToString()).ToRpcException();
        return new V1.GetLedgerResponse { Ledger = row.ToMessage() };
    }

    /// <summary>A scoped key sees only its bureaus' lines, in the rows and in the totals alike.</summary>
    public override async Task<V1.ListLedgersResponse> ListLedgers(V1.ListLedgersRequest request, ServerCallContext context)
    {
        var checks = new RequestChecks();
        var bureau = checks.OptionalId(request.BureauCode, "bureau_code");
        int? fiscalYear = request.FiscalYear == 0 ? null : checks.Year(request.FiscalYear, "fiscal_year");
        var measure = checks.OptionalMeasureId(request.MeasureId);
        var pageSize = checks.PageSize(request.PageSize);
        var filterText = $"{bureau}|{fiscalYear}|{measure}";
        var position = PageToken.Decode(request.PageToken, filterText, 3, checks);
        LedgerCursor? after = null;
        if (position is not null)
        {
            if (int.TryParse(position[1], NumberStyles.None, CultureInfo.InvariantCulture, out var year))
                after = new LedgerCursor(position[0], year, position[2]);
            else
                checks.Add("page_token", "is not a next_page_token this server issued");
        }
        checks.ThrowIfInvalid();

        var ct = context.CancellationToken;
        var caller = CallerContext.Of(context);
        if (bureau is not null)
            caller.EnsureBureau(new BureauCode(bureau));
        var current = await catalog.Current(ct);
        var filter = new LedgerFilter(
            bureau is null ? null : new BureauCode(bureau), fiscalYear, measure is null ? null : new MeasureId(measure),
            caller.Scope.IsUnrestricted ? null : [.. current.Bureaus.Select(b => b.Code).Where(caller.CanReach)]);

        // One row more than the page tells whether another page follows without a count query.
        var rows = await ledgers.List(filter, after, pageSize + 1, ct);
        var page = rows.Take(pageSize).ToList();
        var totals = await ledgers.Totals(filter, ct);
        var last = page.LastOrDefault();
        return new V1.ListLedgersResponse
        {
            Ledgers = { page.Select(r => r.ToMessage()) },
            NextPageToken = rows.Count > pageSize && last is not null
                ? PageToken.Encode(filterText, last.Key.Bureau.Value, last.Key.FiscalYear.ToString(CultureInfo.InvariantCulture), last.Key.Measure.Value)
                : "",
            Totals = totals.ToMessage(filter),
        };
    }

    /// <summary>Counted against the beneficiary key, so a person's ledger spans every employer that nominated them.</summary>
    public override async Task<V1.GetBeneficiaryLedgerResponse> GetBeneficiaryLedger(V1.GetBeneficiaryLedgerRequest request, ServerCallContext context)
    {
        var checks = new RequestChecks();
        var measureId = checks.MeasureId(request.MeasureId);
        var applicantId = checks.Id(request.ApplicantId, "applicant_id");
        checks.ThrowIfInvalid();

        var ct = context.CancellationToken;
        var current = await catalog.Current(ct);
        var measure = current.MeasureOrNotFound(measureId);
        var applicant = await applicants.Load(ApplicantId.From(applicantId), ct);
        var registered = applicant.Events.Select(e => e.Data).OfType<ApplicantRegistered>().FirstOrDefault()
                         ?? throw ApiError.NotFound("applicant", applicantId).ToRpcException();

        var totals = await ledgers.Beneficiary(measure.Id, registered.BeneficiaryKey, ct);
        var cap = measure.Limits.Scope == CapScope.PerBeneficiaryOverPolicyPeriod ? current.EffectiveCap(measure, time.Today()) : null;
        var ledger = new V1.BeneficiaryLedger
        {
            MeasureId = measure.Id.Value,
            ApplicantId = applicantId,
            Beneficiary = registered.Person?.Masked ?? registered.CreditCode?.Value ?? "",
            AwardedFen = totals.Awarded.Fen,
            PaidFen = totals.Paid.Fen,
            RecoveredFen = totals.Recovered.Fen,
            ApplicationIds = { totals.ApplicationIds },
        };
        if (cap is { } c)
        {
            ledger.CapFen = c.Fen;
            // A cap lowered by a later bureau rule can sit below what was awarded before it: no headroom, not a debt.
            ledger.HeadroomFen = Money.Max(Money.Zero, c - totals.Awarded).Fen;
        }

        return new V1.GetBeneficiaryLedgerResponse { Ledger = ledger };
    }
}
