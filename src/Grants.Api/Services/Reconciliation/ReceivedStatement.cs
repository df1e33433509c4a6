using Grants.Projections.Finance.Statements;

namespace Grants.Api.Services.Reconciliation;

/// <summary>A statement as received and checked: every line well-formed, bank transaction ids unique in the file.</summary>
public sealed record ReceivedStatement(string RequestId, string Name, IReadOnlyList<StatementLine> Lines);
