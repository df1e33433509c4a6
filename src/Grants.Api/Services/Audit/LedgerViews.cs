using Grants.Api.Auth;
using Grants.Contracts.V1;
using Grants.Domain;
using Grants.Domain.Catalog;
using Grants.Domain.Ledgers;

namespace Grants.Api.Services.Audit;

/// <summary>A replayed <see cref="LedgerBook"/> on the wire, cut to the filter and the key's scope.</summary>
internal static class LedgerViews
{
    public static void Fill(GetLedgersAsOfResponse response, LedgerBook book, CallerContext caller, BureauCode? bureau, int? fiscalYear)
    {
        var budgets = book.Budgets
            .Where(b => (bureau is null || b.Key.Bureau == bureau) && (fiscalYear is null || b.Key.FiscalYear == fiscalYear)
                        && caller.CanReach(b.Key.Bureau))
            .OrderBy(b => b.Key.Bureau.Value, StringComparer.Ordinal)
            .ThenBy(b => b.Key.FiscalYear)
            .ThenBy(b => b.Key.Measure.Value, StringComparer.Ordinal)
            .ToList();
        response.BudgetLedgers.AddRange(budgets.Select(b => new Ledger
        {
            BureauCode = b.Key.Bureau.Value,
            FiscalYear = b.Key.FiscalYear,
            MeasureId = b.Key.Measure.Value,
            AppropriatedFen = b.Value.Appropriated.Fen,
            CommittedFen = b.Value.Committed.Fen,
            PaidFen = b.Value.Paid.Fen,
            RecoveredFen = b.Value.Recovered.Fen,
            AvailableFen = b.Value.Available.Fen,
        }));

        // A cumulative cap spans bureaus and years, so a filtered view shows the whole ledger of each measure it shows.
        var filtered = bureau is not null || fiscalYear is not null || !caller.Scope.IsUnrestricted;
        var measures = budgets.Select(b => b.Key.Measure).ToHashSet();
        response.BeneficiaryLedgers.AddRange(book.Beneficiaries
            .Where(b => !filtered || measures.Contains(b.Key.Measure))
            .OrderBy(b => b.Key.Measure.Value, StringComparer.Ordinal)
            .ThenBy(b => b.Key.Beneficiary, StringComparer.Ordinal)
            .Select(b => Beneficiary(b.Key, b.Value)));
    }

    private static ReplayedBeneficiaryLedger Beneficiary(BeneficiaryKey key, Domain.Ledgers.BeneficiaryLedger ledger)
    {
        var view = new ReplayedBeneficiaryLedger
        {
            MeasureId = key.Measure.Value,
            BeneficiaryKey = key.Beneficiary,
            AwardedFen = ledger.Awarded.Fen,
            PaidFen = ledger.Paid.Fen,
        };
        if (ledger.Cap is { } cap)
            view.CapFen = cap.Fen;
        if (ledger.Headroom is Money headroom)
            view.HeadroomFen = headroom.Fen;
        return view;
    }
}
