using Grants.Projections.Finance.Statements;

namespace Grants.Projections.Audit.Rebuild.Image;

internal readonly record struct StatementLineRow(
    StatementLineReconciled Reconciled, DateTime ImportedAt, bool Open, string? Resolution, string? ResolvedBy,
    DateOnly? ResolvedOn, DateTime? ResolvedAt);

/// <summary>grants.statement_lines as StatementLineWriter keeps it: one row per bank transaction, closed by a
/// resolution. The reconciled event itself is the row's body (it is immutable), so nothing is copied out of it.</summary>
internal sealed class StatementLines(Journal journal) : ImageTable<string, StatementLineRow>(journal)
{
    public override string Name => "statement_lines";

    public override IReadOnlyList<string> Columns { get; } =
    [
        "bank_transaction_id", "statement_name", "line_number", "value_date", "reference", "counterparty_account", "amount_fen",
        "direction", "kind", "open", "matched_reference", "application_id", "paying_bureau", "fiscal_year", "measure_id",
        "expected_fen", "detail", "imported_at", "resolution", "resolved_by", "resolved_on", "resolved_at",
    ];

    public void Record(StatementLineReconciled e, DateTime at) =>
        Insert(e.Line.BankTransactionId, new StatementLineRow(e, at, e.Open, null, null, null, null));

    public void Resolve(ReconciliationItemResolved e, DateTime at)
    {
        if (Find(e.BankTransactionId) is { } row)
            Update(e.BankTransactionId, row with { Open = false, Resolution = e.Note, ResolvedBy = e.ResolvedBy, ResolvedOn = e.ResolvedOn, ResolvedAt = at });
    }

    protected override string? Violated(in StatementLineRow row) => null;

    protected override void Write(ShadowCopy importer, string key, StatementLineRow row)
    {
        var e = row.Reconciled;
        importer.Text(key);
        importer.Text(e.Line.StatementName);
        importer.Int(e.Line.LineNumber);
        importer.Date(e.Line.ValueDate);
        importer.Text(e.Line.Reference);
        importer.Text(e.Line.CounterpartyAccount);
        importer.Long(e.Line.Amount.Fen);
        importer.Text(StoredNames.Of(e.Line.Direction));
        importer.Text(StoredNames.Of(e.Kind));
        importer.Bool(row.Open);
        importer.Text(e.MatchedReference);
        importer.Text(e.ApplicationId?.Value);
        importer.Text(e.PayingBureau?.Value);
        importer.Int(e.FiscalYear);
        importer.Text(e.Measure?.Value);
        importer.Long(e.Expected?.Fen);
        importer.Text(e.Detail);
        importer.Time(row.ImportedAt);
        importer.Text(row.Resolution);
        importer.Text(row.ResolvedBy);
        importer.Date(row.ResolvedOn);
        importer.Time(row.ResolvedAt);
    }
}
