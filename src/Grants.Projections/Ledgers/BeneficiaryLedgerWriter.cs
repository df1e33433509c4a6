using Grants.Domain;
using Grants.Domain.Ledgers;
using Npgsql;

namespace Grants.Projections.Ledgers;

/// <summary>The per-beneficiary totals behind cumulative caps (e.g. art.18: 每人不超过 100 万元 across employers and
/// applications). The award is added by one INSERT … ON CONFLICT DO UPDATE … WHERE, which locks the row and checks the
/// cap against the latest committed total, so 20 racing awards for one person cannot pass the cap. A first award already
/// above the cap inserts nothing (rather than tripping the CHECK), so it too is refused with the cap and its headroom.
/// The proposed row never holds a negative amount (CHECKs are tested on it before the conflict is found), and a cut
/// is never refused by a cap.</summary>
internal sealed class BeneficiaryLedgerWriter(NpgsqlConnection c, NpgsqlTransaction t, DateTimeOffset at, CancellationToken ct)
{
    public async Task Award(LedgerKeys keys, Money amount)
    {
        var added = await Sql.Affects(c, t, ct, """
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
            returning 1
            """, keys.Measure.Value, keys.BeneficiaryKey, amount.Fen, keys.CumulativeCap?.Fen, keys.PerPerson, at);
        if (added)
        {
            return;
        }

        var current = await Read(keys.Beneficiary);
        var withCap = current with { Cap = keys.CumulativeCap ?? current.Cap };
        var breach = withCap.CheckAward(keys.Beneficiary, keys.PerPerson, amount)
                     ?? LimitBreach.Ceiling(LimitNames.CumulativeCap(keys.Measure, keys.PerPerson), withCap.Cap ?? Money.Zero, current.Awarded, amount);
        throw new LedgerRefusedException(DomainError.Breach(LedgerErrorCodes.CumulativeCapExceeded, breach, "amount_fen"));
    }

    public Task Pay(LedgerKeys keys, Money amount) => Sql.Execute(c, t, ct, """
        update grants.beneficiary_ledgers set paid_fen = paid_fen + $3, updated_at = $4
        where measure_id = $1 and beneficiary_key = $2
        """, keys.Measure.Value, keys.BeneficiaryKey, amount.Fen, at);

    private async Task<BeneficiaryLedger> Read(BeneficiaryKey key)
    {
        await using var command = Sql.Command(c, t, """
            select awarded_fen, paid_fen, cap_fen from grants.beneficiary_ledgers where measure_id = $1 and beneficiary_key = $2
            """, key.Measure.Value, key.Beneficiary);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct)
            ? new BeneficiaryLedger(new(reader.GetInt64(0)), new(reader.GetInt64(1)), reader.IsDBNull(2) ? null : new Money(reader.GetInt64(2)))
            : BeneficiaryLedger.Empty;
    }
}
