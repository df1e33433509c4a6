
namespace Grants.Domain.Applications;

/// <summary>A command on one application's stream.</summary>
public interface IApplicationCommand
{
    ApplicationId ApplicationId { get; }
}

/// <summary>An event of one application's stream.</summary>
public interface IApplicationEvent : IDomainEvent
{
    ApplicationId ApplicationId { get; }
}

/// <summary>An event that moves money in the ledgers; it carries the ledger keys so projections need no lookups.</summary>
public interface IMoneyEvent : IApplicationEvent
{
    Ledgers.LedgerKeys Ledger { get; }
}
