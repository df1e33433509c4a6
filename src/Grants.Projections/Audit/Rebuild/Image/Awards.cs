using Grants.Domain;
using Grants.Domain.Applications.Approving;
using Grants.Domain.Catalog;
using Grants.Projections.Ledgers;
using ApplicationId = Grants.Domain.ApplicationId;

namespace Grants.Projections.Audit.Rebuild.Image;

internal readonly record struct AwardRow(
    string Measure, string Bureau, int FiscalYear, string Beneficiary, long Original, long Current, long Paid, long Recovered,
    DateOnly ApprovedOn, DateTime UpdatedAt);

/// <summary>grants.awards as AwardWriter keeps it: an award is inserted only when the catalog admits it.</summary>
internal sealed class Awards(Journal journal, CatalogMeasures catalog, SharedText text) : ImageTable<string, AwardRow>(journal)
{
    public override string Name => "awards";

    public override IReadOnlyList<string> Columns { get; } =
    [
        "application_id", "measure_id", "bureau", "fiscal_year", "beneficiary_key", "original_fen", "current_fen", "paid_fen",
        "recovered_fen", "approved_on", "updated_at",
    ];

    protected override bool IsLedger => true;

    public void EnsureAdmissible(AwardApproved e)
    {
        if (!Admissible(e))
            throw Refusal.Ledger(WhyNot(e));
    }

    public void Approve(AwardApproved e, DateTime at)
    {
        EnsureAdmissible(e);
        Insert(text.Of(e.ApplicationId.Value), new AwardRow(text.Of(e.Ledger.Measure.Value), text.Of(e.Ledger.PayingBureau.Value),
            e.Ledger.FiscalYear, text.Of(e.Ledger.BeneficiaryKey), e.Amount.Fen, e.Amount.Fen, 0, 0, e.ApprovedOn, at));
    }

    public void EnsureInWindow(MeasureId measure, DateOnly on, string action)
    {
        if (catalog.Find(measure.Value) is { } row && row.InForceOn(on))
            return;
        throw Refusal.Ledger(new DomainError(LedgerErrorCodes.OutsidePolicyWindow,
            $"{LimitNames.Article(measure)} is not in force on {on:yyyy-MM-dd}: nothing may be {action} under it on that date"));
    }

    // Each change is written out rather than passed as a lambda: a closure per money event is garbage by the million.
    public void Amend(ApplicationId application, Money delta, DateTime at)
    {
        if (Find(application.Value) is { } row)
            Update(application.Value, row with { Current = checked(row.Current + delta.Fen), UpdatedAt = at });
    }

    public void Pay(ApplicationId application, Money amount, DateTime at)
    {
        if (Find(application.Value) is { } row)
            Update(application.Value, row with { Paid = checked(row.Paid + amount.Fen), UpdatedAt = at });
    }

    public void Recover(ApplicationId application, Money amount, DateTime at)
    {
        if (Find(application.Value) is { } row)
            Update(application.Value, row with { Recovered = checked(row.Recovered + amount.Fen), UpdatedAt = at });
    }

    private bool Admissible(AwardApproved e) =>
        catalog.Find(e.Ledger.Measure.Value) is { } m && m.InForceOn(e.ApprovedOn) && (m.Monetary || e.Amount.Fen == 0);

    private DomainError WhyNot(AwardApproved e)
    {
        if (catalog.Find(e.Ledger.Measure.Value) is not { } m)
            return new DomainError(LedgerErrorCodes.OutsidePolicyWindow, $"measure {e.Ledger.Measure.Value} is not in the catalog", "measure_id");
        return m.Monetary
            ? new DomainError(LedgerErrorCodes.OutsidePolicyWindow,
                $"{LimitNames.Article(e.Ledger.Measure)} is in force from {m.ValidFrom:yyyy-MM-dd} to {m.ValidTo:yyyy-MM-dd}; approval dated {e.ApprovedOn:yyyy-MM-dd} is outside it",
                "approved_on")
            : new DomainError(LedgerErrorCodes.NonMonetaryMeasure,
                $"{LimitNames.Article(e.Ledger.Measure)} is non-monetary: no amount may be awarded under it (requested {e.Amount.ToYuanString()} yuan)",
                "amount_fen");
    }

    protected override string? Violated(in AwardRow row) =>
        row.Current < 0 || row.Paid < 0 || row.Recovered < 0 ? "award_non_negative"
        : row.Paid > row.Current ? "award_paid_within_award"
        : row.Recovered > row.Paid ? "award_recovered_within_paid"
        : null;

    protected override void Write(ShadowCopy importer, string key, AwardRow row)
    {
        importer.Text(key);
        importer.Text(row.Measure);
        importer.Text(row.Bureau);
        importer.Int(row.FiscalYear);
        importer.Text(row.Beneficiary);
        importer.Long(row.Original);
        importer.Long(row.Current);
        importer.Long(row.Paid);
        importer.Long(row.Recovered);
        importer.Date(row.ApprovedOn);
        importer.Time(row.UpdatedAt);
    }
}
