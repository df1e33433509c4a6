
namespace Grants.Domain.Budgets;

/// <summary>A command on one budget line's stream.</summary>
public interface IBudgetCommand
{
    BudgetKey Budget { get; }
}

/// <summary>An event of one budget line's stream.</summary>
public interface IBudgetEvent : IDomainEvent
{
    BudgetKey Budget { get; }
}
