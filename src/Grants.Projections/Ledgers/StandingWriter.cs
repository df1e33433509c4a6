using Grants.Domain;
using Grants.EventStore;
using Npgsql;

namespace Grants.Projections.Ledgers;

/// <summary>Credit standing per beneficiary. Approvals and instructions take a FOR SHARE lock on the row, a flag takes
/// it exclusively: whichever commits first wins, so nothing is ever approved or paid after a flag is recorded. Every
/// standing write is a late write (so they all keep their order): the check rides in the chain step's round trip and
/// refuses by raising, explained afterwards with the registry reference.</summary>
internal sealed class StandingWriter(LateWrites late, DateTimeOffset at, CommittedStandingRows committed)
{
    private const string RegisterSql = """
        insert into grants.beneficiary_standing (beneficiary_key, flagged, updated_at) values ($1, false, $2)
        on conflict (beneficiary_key) do nothing
        """;

    public void Register(string beneficiaryKey)
    {
        late.Add(RegisterSql, [beneficiaryKey, at], LedgerLateWrite.Explain("beneficiary_standing", null));
        late.WhenCommitted(() => committed.Add(beneficiaryKey));
    }

    /// <summary>A flag opens one more case against the beneficiary; a clear closes one. Flagged while any is open.</summary>
    public void Set(string beneficiaryKey, bool flagged, string registryReference)
    {
        late.Add("""
        insert into grants.beneficiary_standing (beneficiary_key, flagged, open_flags, registry_reference, updated_at)
        values ($1, $2, case when $2 then 1 else 0 end, $3, $4)
        on conflict (beneficiary_key) do update
           set open_flags = greatest(beneficiary_standing.open_flags + case when $2 then 1 else -1 end, 0),
               flagged = beneficiary_standing.open_flags + case when $2 then 1 else -1 end > 0,
               registry_reference = excluded.registry_reference,
               updated_at = excluded.updated_at
        """, [beneficiaryKey, flagged, registryReference, at], LedgerLateWrite.Explain("beneficiary_standing", null));
        late.WhenCommitted(() => committed.Add(beneficiaryKey));
    }

    public void EnsureNotFlagged(string beneficiaryKey, string action)
    {
        // The row must exist to be locked: unless this process saw it committed, it is inserted first (or kept).
        if (!committed.Contains(beneficiaryKey))
            Register(beneficiaryKey);
        late.Add("""
            select grants.refuse_unless(not coalesce(
                (select flagged from grants.beneficiary_standing where beneficiary_key = $1 for share), false),
                'applicant_credit_flagged')
            """, [beneficiaryKey], LedgerLateWrite.Explain("beneficiary_standing", async (c, t, ct) =>
        {
            await using var command = Sql.Command(c, t,
                "select registry_reference from grants.beneficiary_standing where beneficiary_key = $1", beneficiaryKey);
            var registry = await command.ExecuteScalarAsync(ct) as string;
            var reference = registry is null ? "" : $" (registry reference {registry})";
            return new LedgerRefusedException(new DomainError(
                LedgerErrorCodes.ApplicantFlagged,
                $"the beneficiary is flagged for serious illegal or dishonest conduct (严重违法失信){reference}: nothing may be {action}"));
        }));
    }
}
