using Grants.Domain;
using Grants.Domain.Ledgers;
using Grants.EventStore;
using Npgsql;

namespace Grants.Projections.Ledgers;

/// <summary>The per-beneficiary totals behind cumulative caps (e.g. art.18: 每人不超过 100 万元 across employers and
/// applications). The award is added by one INSERT … ON CONFLICT DO UPDATE … WHERE, which locks the row and checks the
/// cap against the latest committed total, so 20 racing awards for one person cannot pass the cap. A first award already
/// above the cap inserts nothing (rather than tripping the CHECK), so it too is refused with the cap and its headroom.
/// The proposed row never holds a negative amount (CHECKs are tested on it before the conflict is found), and a cut
/// is never refused by a cap. Like the budget line, the row is written late (EventStore LateWrites, after the budget
/// line, in every append alike so the two are always locked in one order), and a refusal raises.</summary>
internal sealed class BeneficiaryLedgerWriter(LateWrites late, DateTimeOffset at)
{
    public void Award(LedgerKeys keys, Money amount) => Write("""
        with added as (
            insert into grants.beneficiary_ledgers as b (measure_id, beneficiary_key, awarded_fen, cap_fen, per_person, updated_at)
            select $1::text, $2::text, greatest($3::bigint, 0), $4::bigint, $5::boolean, $6::timestamptz
             where $4::bigint is null or $3::bigint <= $4::bigint
            on conflict (measure_id, beneficiary_key) do update
               set awarded_fen = b.awarded_fen + $3::bigint,
                   cap_fen = coalesce(excluded.cap_fen, b.cap_fen),
                   per_person = excluded.per_person,
                   updated_at = excluded.updated_at
             where $3::bigint <= 0
                or coalesce(excluded.cap_fen, b.cap_fen) is null
                or b.awarded_fen + $3::bigint <= coalesce(excluded.cap_fen, b.cap_fen)
            returning 1)
        select grants.refuse_unless(exists (select from added), 'cumulative_cap_exceeded')
        """, async (c, t, ct) =>
        {
            var current = await Read(c, t, keys.Beneficiary, ct);
            var withCap = current with { Cap = keys.CumulativeCap ?? current.Cap };
            var breach = withCap.CheckAward(keys.Beneficiary, keys.PerPerson, amount)
                         ?? LimitBreach.Ceiling(LimitNames.CumulativeCap(keys.Measure, keys.PerPerson), withCap.Cap ?? Money.Zero, current.Awarded, amount);
            return new LedgerRefusedException(DomainError.Breach(LedgerErrorCodes.CumulativeCapExceeded, breach, "amount_fen"));
        }, keys.Measure.Value, keys.BeneficiaryKey, amount.Fen, keys.CumulativeCap?.Fen, keys.PerPerson, at);

    public void Pay(LedgerKeys keys, Money amount) => Write("""
        update grants.beneficiary_ledgers set paid_fen = paid_fen + $3, updated_at = $4
        where measure_id = $1 and beneficiary_key = $2
        """, null, keys.Measure.Value, keys.BeneficiaryKey, amount.Fen, at);

    private static async Task<BeneficiaryLedger> Read(NpgsqlConnection c, NpgsqlTransaction t, BeneficiaryKey key, CancellationToken ct)
    {
        await using var command = Sql.Command(c, t, """
            select awarded_fen, paid_fen, cap_fen from grants.beneficiary_ledgers where measure_id = $1 and beneficiary_key = $2
            """, key.Measure.Value, key.Beneficiary);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct)
            ? new BeneficiaryLedger(new(reader.GetInt64(0)), new(reader.GetInt64(1)), reader.IsDBNull(2) ? null : new Money(reader.GetInt64(2)))
            : BeneficiaryLedger.Empty;
    }

    /// <param name="explainCap">How a refused award is explained; null for a write only a CHECK can refuse.</param>
    private void Write(string sql, Func<NpgsqlConnection, NpgsqlTransaction, CancellationToken, Task<Exception>>? explainCap,
                       params object?[] args) =>
        late.Add(sql, args, LedgerLateWrite.Explain("beneficiary ledger", explainCap));
}
