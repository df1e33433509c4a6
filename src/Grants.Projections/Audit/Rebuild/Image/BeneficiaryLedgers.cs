using Grants.Domain;
using Grants.Domain.Ledgers;
using Grants.Projections.Ledgers;

namespace Grants.Projections.Audit.Rebuild.Image;

internal readonly record struct BeneficiaryLedgerRow(long Awarded, long Paid, long? Cap, bool PerPerson, DateTime UpdatedAt)
{
    public BeneficiaryLedger Ledger => new(new(Awarded), new(Paid), Cap is { } cap ? new Money(cap) : null);
}

/// <summary>grants.beneficiary_ledgers as BeneficiaryLedgerWriter keeps it: one conditional upsert per award or cut.</summary>
internal sealed class BeneficiaryLedgers(Journal journal, SharedText text) : ImageTable<(string Measure, string Beneficiary), BeneficiaryLedgerRow>(journal)
{
    public override string Name => "beneficiary_ledgers";

    public override IReadOnlyList<string> Columns { get; } =
        ["measure_id", "beneficiary_key", "awarded_fen", "paid_fen", "cap_fen", "per_person", "updated_at"];

    protected override bool IsLedger => true;

    public void Award(LedgerKeys keys, Money amount, DateTime at)
    {
        var cap = keys.CumulativeCap?.Fen;
        var k = (keys.Measure.Value, keys.BeneficiaryKey);
        var row = Find(k);
        // INSERT … SELECT … WHERE: an award above the cap proposes no row at all, so it cannot conflict either.
        if (cap is null || amount.Fen <= cap)
        {
            var proposed = new BeneficiaryLedgerRow(Math.Max(amount.Fen, 0), 0, cap, keys.PerPerson, at);
            Check(proposed);
            if (row is not { } existing)
            {
                Update((text.Of(k.Value), text.Of(k.BeneficiaryKey)), proposed);
                return;
            }

            var effectiveCap = cap ?? existing.Cap;
            if (amount.Fen <= 0 || effectiveCap is null || checked(existing.Awarded + amount.Fen) <= effectiveCap)
            {
                Update(k, existing with
                {
                    Awarded = checked(existing.Awarded + amount.Fen), Cap = effectiveCap, PerPerson = keys.PerPerson, UpdatedAt = at,
                });
                return;
            }
        }

        var current = row?.Ledger ?? BeneficiaryLedger.Empty;
        var withCap = current with { Cap = keys.CumulativeCap ?? current.Cap };
        var breach = withCap.CheckAward(keys.Beneficiary, keys.PerPerson, amount)
                     ?? LimitBreach.Ceiling(LimitNames.CumulativeCap(keys.Measure, keys.PerPerson), withCap.Cap ?? Money.Zero, current.Awarded, amount);
        throw Refusal.Ledger(DomainError.Breach(LedgerErrorCodes.CumulativeCapExceeded, breach, "amount_fen"));
    }

    public void Pay(LedgerKeys keys, Money amount, DateTime at)
    {
        var k = (keys.Measure.Value, keys.BeneficiaryKey);
        if (Find(k) is { } row)
            Update(k, row with { Paid = checked(row.Paid + amount.Fen), UpdatedAt = at });
    }

    protected override string? Violated(in BeneficiaryLedgerRow row) =>
        row.Awarded < 0 || row.Paid < 0 ? "beneficiary_ledger_non_negative"
        : row.Cap is { } cap && row.Awarded > cap ? "beneficiary_ledger_within_cap"
        : null;

    protected override void Write(ShadowCopy importer, (string Measure, string Beneficiary) key, BeneficiaryLedgerRow row)
    {
        importer.Text(key.Measure);
        importer.Text(key.Beneficiary);
        importer.Long(row.Awarded);
        importer.Long(row.Paid);
        importer.Long(row.Cap);
        importer.Bool(row.PerPerson);
        importer.Time(row.UpdatedAt);
    }
}
