using Grants.Domain;
using Grants.Projections.Ledgers;

namespace Grants.Projections.Audit.Rebuild.Image;

internal readonly record struct StandingRow(bool Flagged, string? RegistryReference, DateTime UpdatedAt, int OpenFlags);

/// <summary>grants.beneficiary_standing as StandingWriter keeps it: open flags counted per beneficiary.</summary>
internal sealed class Standing(Journal journal, SharedText text) : ImageTable<string, StandingRow>(journal)
{
    public override string Name => "beneficiary_standing";

    public override IReadOnlyList<string> Columns { get; } = ["beneficiary_key", "flagged", "registry_reference", "updated_at", "open_flags"];

    protected override bool IsLedger => true;

    public void Register(string beneficiaryKey, DateTime at)
    {
        if (Find(beneficiaryKey) is null)
            Update(text.Of(beneficiaryKey), new StandingRow(false, null, at, 0));
    }

    public void Set(string beneficiaryKey, bool flagged, string registryReference, DateTime at)
    {
        if (Find(beneficiaryKey) is not { } row)
        {
            Update(text.Of(beneficiaryKey), new StandingRow(flagged, registryReference, at, flagged ? 1 : 0));
            return;
        }

        var open = row.OpenFlags + (flagged ? 1 : -1);
        Update(beneficiaryKey, new StandingRow(open > 0, registryReference, at, Math.Max(open, 0)));
    }

    /// <summary>Registers the beneficiary first, as the lock it takes needs the row.</summary>
    public void EnsureNotFlagged(string beneficiaryKey, string action, DateTime at)
    {
        Register(beneficiaryKey, at);
        if (Find(beneficiaryKey) is not { Flagged: true } row)
            return;
        var reference = row.RegistryReference is null ? "" : $" (registry reference {row.RegistryReference})";
        throw Refusal.Ledger(new DomainError(
            LedgerErrorCodes.ApplicantFlagged,
            $"the beneficiary is flagged for serious illegal or dishonest conduct (严重违法失信){reference}: nothing may be {action}"));
    }

    protected override string? Violated(in StandingRow row) => row.OpenFlags < 0 ? "beneficiary_standing_flags_non_negative" : null;

    protected override void Write(ShadowCopy importer, string key, StandingRow row)
    {
        importer.Text(key);
        importer.Bool(row.Flagged);
        importer.Text(row.RegistryReference);
        importer.Time(row.UpdatedAt);
        importer.Int(row.OpenFlags);
    }
}
