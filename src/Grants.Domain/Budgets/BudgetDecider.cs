using Grants.Domain.Budgets.AdjustingAppropriations;
using Grants.Domain.Budgets.Appropriating;
using Grants.Domain.Catalog;

namespace Grants.Domain.Budgets;

/// <summary>Decider of a budget line's stream ("budget-{bureau}-{fy}-{measure}").</summary>
public static partial class BudgetDecider
{
    public static Result Decide(IBudgetCommand command, BudgetState state, PolicyCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(catalog);
        return command switch
        {
            Appropriate c => Appropriate(c, state, catalog),
            AdjustAppropriation c => Adjust(c, state, catalog),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "not a budget command"),
        };
    }

    public static BudgetState Evolve(BudgetState state, IDomainEvent @event) => @event switch
    {
        AppropriationMade e => new BudgetState(e.Budget, state.Appropriated + e.Amount),
        AppropriationAdjusted e => new BudgetState(e.Budget, state.Appropriated + e.Delta),
        _ => state,
    };

    public static BudgetState Fold(IEnumerable<IDomainEvent> events) => events.Aggregate(BudgetState.Initial, Evolve);

    /// <summary>A budget line must name a monetary measure in the catalog, a bureau responsible for it, and a fiscal
    /// year the policy is in force in (at least partly).</summary>
    private static DomainError? ValidLine(BudgetKey key, PolicyCatalog catalog)
    {
        if (key is null)
            return DomainError.Invalid(ErrorCodes.RequiredField, "budget", "budget is required");
        var measure = catalog.FindMeasure(key.Measure);
        var policy = measure is null ? null : catalog.FindPolicy(measure.Policy);
        if (measure is null || policy is null)
            return new DomainError(ErrorCodes.UnknownMeasure, $"measure {key.Measure} is not in the catalog", "measure_id");
        if (!measure.IsMonetary)
            return DomainError.Invalid(ErrorCodes.AmountNotAllowed, "measure_id",
                $"{LimitNames.Article(measure.Id)} is non-monetary; no money is appropriated for it");
        if (!measure.ResponsibleBureaus.Contains(key.Bureau))
            return new DomainError(ErrorCodes.BureauNotResponsible,
                $"{key.Bureau} is not a responsible bureau of {LimitNames.Article(measure.Id)}", "bureau");
        if (key.FiscalYear < policy.InForceFrom.Year || key.FiscalYear > policy.InForceTo.Year)
            return DomainError.Invalid(ErrorCodes.InvalidFiscalYear, "fiscal_year",
                $"{policy.Id} is in force {policy.InForceFrom.Year}-{policy.InForceTo.Year}; FY{key.FiscalYear} is outside it");
        return null;
    }
}
