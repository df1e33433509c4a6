using Grants.Projections.Ledgers;
using Npgsql;

namespace Grants.Projections.Finance.Statements;

/// <summary>The statement line rows: one per bank transaction, closed by a resolution.</summary>
internal sealed class StatementLineWriter(NpgsqlConnection c, NpgsqlTransaction t, DateTimeOffset at, CancellationToken ct)
{
    public Task Record(StatementLineReconciled e) => Sql.Execute(c, t, ct, """
        insert into grants.statement_lines (bank_transaction_id, statement_name, line_number, value_date, reference,
            counterparty_account, amount_fen, direction, kind, open, matched_reference, application_id, paying_bureau,
            fiscal_year, measure_id, expected_fen, detail, imported_at)
        values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
        """, e.Line.BankTransactionId, e.Line.StatementName, e.Line.LineNumber, e.Line.ValueDate, e.Line.Reference,
        e.Line.CounterpartyAccount, e.Line.Amount.Fen, StoredNames.Of(e.Line.Direction), StoredNames.Of(e.Kind), e.Open,
        e.MatchedReference, e.ApplicationId?.Value, e.PayingBureau?.Value, e.FiscalYear, e.Measure?.Value, e.Expected?.Fen,
        e.Detail, at);

    public Task Resolve(ReconciliationItemResolved e) => Sql.Execute(c, t, ct, """
        update grants.statement_lines set open = false, resolution = $2, resolved_by = $3, resolved_on = $4, resolved_at = $5
        where bank_transaction_id = $1
        """, e.BankTransactionId, e.Note, e.ResolvedBy, e.ResolvedOn, at);
}
