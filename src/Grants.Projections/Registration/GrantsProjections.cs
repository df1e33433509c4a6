using Grants.EventStore;
using Grants.Projections.Applications;
using Grants.Projections.Ledgers;

namespace Grants.Projections.Registration;

/// <summary>What a host wires up: the projections' tables and the inline projections that run in every append.</summary>
public static class GrantsProjections
{
    public static IReadOnlyList<Migration> Migrations { get; } = [LedgerSchema.V1, LedgerSchema.V2, LedgerSchema.V3, ApplicationsSchema.V1, ApplicationsSchema.V2, Finance.FinanceSchema.V1];

    public static IReadOnlyList<IInlineProjection> Inline() => [new LedgerProjection(), new ApplicationsProjection(), new Finance.FinanceProjection()];
}
