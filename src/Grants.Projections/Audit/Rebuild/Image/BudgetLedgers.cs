using Grants.Domain;
using Grants.Domain.Budgets;
using Grants.Domain.Ledgers;
using Grants.Projections.Ledgers;

namespace Grants.Projections.Audit.Rebuild.Image;

internal readonly record struct BudgetLedgerRow(long Appropriated, long Committed, long Paid, long Recovered, DateTime UpdatedAt)
{
    public BudgetLedger Ledger => new(new(Appropriated), new(Committed), new(Paid), new(Recovered));
}

/// <summary>grants.budget_ledgers as BudgetLedgerWriter keeps it, with its conditional updates and refusals.</summary>
internal sealed class BudgetLedgers(Journal journal) : ImageTable<(string Bureau, int FiscalYear, string Measure), BudgetLedgerRow>(journal)
{
    public override string Name => "budget_ledgers";

    public override IReadOnlyList<string> Columns { get; } =
        ["bureau", "fiscal_year", "measure_id", "appropriated_fen", "committed_fen", "paid_fen", "recovered_fen", "updated_at"];

    protected override bool IsLedger => true;

    private static (string, int, string) KeyOf(BudgetKey key) => (key.Bureau.Value, key.FiscalYear, key.Measure.Value);

    /// <summary>INSERT … ON CONFLICT DO UPDATE: the proposed row is checked before the conflict is found.</summary>
    public void Appropriate(BudgetKey key, Money amount, DateTime at)
    {
        var proposed = new BudgetLedgerRow(amount.Fen, 0, 0, 0, at);
        Check(proposed);
        var k = KeyOf(key);
        Update(k, Find(k) is { } row ? row with { Appropriated = checked(row.Appropriated + amount.Fen), UpdatedAt = at } : proposed);
    }

    public void Adjust(BudgetKey key, Money delta, DateTime at)
    {
        if (delta.Fen >= 0)
        {
            Appropriate(key, delta, at);
            return;
        }

        var k = KeyOf(key);
        if (Find(k) is { } row && checked(row.Appropriated + delta.Fen) >= checked(row.Committed + row.Paid))
        {
            Update(k, row with { Appropriated = row.Appropriated + delta.Fen, UpdatedAt = at });
            return;
        }

        var ledger = Find(k)?.Ledger ?? BudgetLedger.Empty;
        throw Refusal.Ledger(new DomainError(
            LedgerErrorCodes.AppropriationExceeded,
            $"{LimitNames.Appropriation(key)} cannot be cut by {(-delta).ToYuanString()} yuan: appropriated " +
            $"{ledger.Appropriated.ToYuanString()}, committed or paid {(ledger.Committed + ledger.Paid).ToYuanString()}, " +
            $"largest possible cut {ledger.Available.ToYuanString()}",
            "delta_fen"));
    }

    /// <summary>Approval or amendment: a release (or zero) always lands, creating an empty row; more is committed only
    /// within the appropriation.</summary>
    public void Commit(BudgetKey key, Money amount, DateTime at)
    {
        var k = KeyOf(key);
        var row = Find(k);
        if (amount.Fen <= 0)
        {
            Update(k, row is { } existing
                ? existing with { Committed = checked(existing.Committed + amount.Fen), UpdatedAt = at }
                : new BudgetLedgerRow(0, 0, 0, 0, at));
            return;
        }

        if (row is { } within && checked(within.Committed + within.Paid + amount.Fen) <= within.Appropriated)
        {
            Update(k, within with { Committed = within.Committed + amount.Fen, UpdatedAt = at });
            return;
        }

        var breach = (row?.Ledger ?? BudgetLedger.Empty).CheckCommit(key, amount)
                     ?? LimitBreach.Ceiling(LimitNames.Appropriation(key), Money.Zero, Money.Zero, amount, "committed or paid");
        throw Refusal.Ledger(DomainError.Breach(LedgerErrorCodes.AppropriationExceeded, breach, "amount_fen"));
    }

    public void Pay(BudgetKey key, Money amount, DateTime at)
    {
        var k = KeyOf(key);
        if (Find(k) is { } row)
            Update(k, row with { Committed = checked(row.Committed - amount.Fen), Paid = checked(row.Paid + amount.Fen), UpdatedAt = at });
    }

    public void Recover(BudgetKey key, Money amount, DateTime at)
    {
        var k = KeyOf(key);
        if (Find(k) is { } row)
            Update(k, row with { Recovered = checked(row.Recovered + amount.Fen), UpdatedAt = at });
    }

    protected override string? Violated(in BudgetLedgerRow row) =>
        row.Appropriated < 0 || row.Committed < 0 || row.Paid < 0 || row.Recovered < 0 ? "budget_ledger_non_negative"
        : row.Recovered > row.Paid ? "budget_ledger_recovered_within_paid"
        : checked(row.Committed + row.Paid) > row.Appropriated ? "budget_ledger_within_appropriation"
        : null;

    protected override void Write(ShadowCopy importer, (string Bureau, int FiscalYear, string Measure) key, BudgetLedgerRow row)
    {
        importer.Text(key.Bureau);
        importer.Int(key.FiscalYear);
        importer.Text(key.Measure);
        importer.Long(row.Appropriated);
        importer.Long(row.Committed);
        importer.Long(row.Paid);
        importer.Long(row.Recovered);
        importer.Time(row.UpdatedAt);
    }
}
