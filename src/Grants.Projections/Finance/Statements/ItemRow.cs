using Grants.Domain;

namespace Grants.Projections.Finance.Statements;

/// <summary>A reconciled statement line as the read model holds it (an item unless its kind is Confirmed).</summary>
public sealed record ItemRow(
    StatementLine Line,
    LineKind Kind,
    bool Open,
    string? MatchedReference,
    string? ApplicationId,
    string? PayingBureau,
    int? FiscalYear,
    string? MeasureId,
    Money? Expected,
    string Detail,
    DateTimeOffset ImportedAt,
    string? Resolution,
    string? ResolvedBy,
    DateTimeOffset? ResolvedAt);

/// <summary>Optional filters; <paramref name="Bureaus"/> is the caller's reach (null: everywhere). Items matching no
/// budget line (unknown references) have no bureau and are visible to every caller of the RPC.</summary>
public sealed record ItemFilter(bool? Open = null, LineKind? Kind = null, IReadOnlyCollection<string>? Bureaus = null);

/// <summary>Where a page of items ends: newest first, by import time then bank transaction id.</summary>
public sealed record ItemCursor(DateTimeOffset ImportedAt, string BankTransactionId);
