using Google.Protobuf.WellKnownTypes;
using Grants.Contracts.V1;
using Grants.Projections.Finance.Statements;
using Date = Grants.Contracts.V1.Date;
using LineKind = Grants.Projections.Finance.Statements.LineKind;

namespace Grants.Api.Services.Reconciliation;

/// <summary>Reconciled lines on the wire. Counterparty accounts always go out masked.</summary>
public static class ItemMessages
{
    public static ReconciliationItem Of(ItemRow row) => new()
    {
        BankTransactionId = row.Line.BankTransactionId,
        Kind = Kind(row.Kind),
        Status = row.Open ? ItemStatus.Open : ItemStatus.Resolved,
        StatementName = row.Line.StatementName,
        LineNumber = row.Line.LineNumber,
        ValueDate = Date.FromDateOnly(row.Line.ValueDate),
        Reference = row.Line.Reference,
        CounterpartyAccountMasked = Accounts.Mask(row.Line.CounterpartyAccount),
        AmountFen = row.Line.Amount.Fen,
        Direction = row.Line.Direction == Projections.Finance.Statements.StatementDirection.Credit
            ? Contracts.V1.StatementDirection.Credit
            : Contracts.V1.StatementDirection.Debit,
        MatchedReference = row.MatchedReference ?? "",
        ApplicationId = row.ApplicationId ?? "",
        PayingBureau = row.PayingBureau ?? "",
        FiscalYear = row.FiscalYear ?? 0,
        MeasureId = row.MeasureId ?? "",
        ExpectedFen = row.Expected?.Fen ?? 0,
        Detail = row.Detail,
        ImportedAt = Timestamp.FromDateTimeOffset(row.ImportedAt),
        Resolution = row.Resolution ?? "",
        ResolvedBy = row.ResolvedBy ?? "",
        ResolvedAt = row.ResolvedAt is { } at ? Timestamp.FromDateTimeOffset(at) : null,
    };

    public static ItemKind Kind(LineKind kind) => kind switch
    {
        LineKind.Confirmed => ItemKind.Confirmed,
        LineKind.AmountMismatch => ItemKind.AmountMismatch,
        LineKind.UnknownReference => ItemKind.UnknownReference,
        LineKind.DuplicatePayment => ItemKind.DuplicatePayment,
        LineKind.WrongAccount => ItemKind.WrongAccount,
        LineKind.ReturnedPayment => ItemKind.ReturnedPayment,
        LineKind.ClawbackRepayment => ItemKind.ClawbackRepayment,
        LineKind.Refused => ItemKind.Refused,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a line kind"),
    };

    /// <summary>The stored kind for a wire filter; null for UNSPECIFIED (any kind).</summary>
    public static LineKind? Kind(ItemKind kind) =>
        kind == ItemKind.Unspecified ? null : System.Enum.GetValues<LineKind>().First(k => Kind(k) == kind);
}
