using Grants.Domain.Applications.OrderingClawbacks;
using Grants.Domain.Applications.RecoveringClawbacks;
using Grants.Domain.Applications.WritingOffClawbacks;
using Grants.Projections.Ledgers;
using Npgsql;

namespace Grants.Projections.Finance.Instructions;

/// <summary>Clawback rows, kept per budget line so the report can say what is still receivable on each.</summary>
internal sealed class ClawbackRowWriter(NpgsqlConnection c, NpgsqlTransaction t, DateTimeOffset at, CancellationToken ct)
{
    public Task Order(ClawbackOrdered e) => Sql.Execute(c, t, ct, """
        insert into grants.finance_clawbacks (application_id, clawback_id, paying_bureau, fiscal_year, measure_id,
            ordered_fen, ordered_on, updated_at)
        values ($1, $2, $3, $4, $5, $6, $7, $8)
        """, e.ApplicationId.Value, e.ClawbackId.Value, e.Ledger.PayingBureau.Value, e.Ledger.FiscalYear,
        e.Ledger.Measure.Value, e.Amount.Fen, e.OrderedOn, at);

    public Task Recover(ClawbackRecovered e) => Sql.Execute(c, t, ct, """
        update grants.finance_clawbacks set recovered_fen = recovered_fen + $3, updated_at = $4
        where application_id = $1 and clawback_id = $2
        """, e.ApplicationId.Value, e.ClawbackId.Value, e.Amount.Fen, at);

    public Task WriteOff(ClawbackWrittenOff e) => Sql.Execute(c, t, ct, """
        update grants.finance_clawbacks set written_off_fen = written_off_fen + $3, updated_at = $4
        where application_id = $1 and clawback_id = $2
        """, e.ApplicationId.Value, e.ClawbackId.Value, e.Amount.Fen, at);
}
