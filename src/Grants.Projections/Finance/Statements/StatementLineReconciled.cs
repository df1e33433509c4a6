using Grants.Domain;
using ApplicationId = Grants.Domain.ApplicationId;
using Grants.Domain.Catalog;

namespace Grants.Projections.Finance.Statements;

/// <summary>A bank statement line and what it turned out to be; the first event of stream "statement-line-{bank
/// transaction id}", so a bank transaction is reconciled once however often its statement is imported. When the
/// line confirmed, returned or repaid something, the application's event is appended in the same transaction.</summary>
/// <param name="MatchedReference">The payment or clawback reference found in the line's text; null when none was.</param>
/// <param name="Expected">What was due on the reference (payable amount, or outstanding clawback), when known.</param>
/// <param name="Open">True when a finance officer has to act on it.</param>
public sealed record StatementLineReconciled(
    StatementLine Line,
    LineKind Kind,
    bool Open,
    string? MatchedReference,
    ApplicationId? ApplicationId,
    BureauCode? PayingBureau,
    int? FiscalYear,
    MeasureId? Measure,
    Money? Expected,
    string Detail)
{
    public const string Name = "statement_line_reconciled.v1";
}
