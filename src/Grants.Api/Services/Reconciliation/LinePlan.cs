using Grants.Domain;
using Grants.Domain.Applications;
using Grants.Projections.Finance.Statements;

namespace Grants.Api.Services.Reconciliation;

/// <summary>What reconciling one line decided: the line's record and, when it confirms, returns or repays something,
/// the application event that goes with it. <paramref name="Consulted"/> is the application stream the decision
/// read (even when nothing is appended to it): it must still be at that version when the line commits.</summary>
public sealed record LinePlan(StatementLineReconciled Record, ConsultedApplication? Consulted, IDomainEvent? Event, Money? Payable)
{
    /// <summary>The plan after a ledger refused its application event: only the line is recorded, as refused.</summary>
    public LinePlan Refused(string why) =>
        this with { Record = Record with { Kind = LineKind.Refused, Open = true, Detail = why }, Event = null, Payable = null };
}

/// <summary>An application as the decision saw it.</summary>
public sealed record ConsultedApplication(ApplicationId Id, ApplicationState State, long Version)
{
    public string StreamId => StreamIds.Application(Id);
}
