using Grants.Domain.Budgets.AdjustingAppropriations;
using Grants.Domain.Catalog;

namespace Grants.Domain.Budgets;

public static partial class BudgetDecider
{
    private static Result Adjust(AdjustAppropriation c, BudgetState state, PolicyCatalog catalog)
    {
        if (!state.Exists)
            return new DomainError(ErrorCodes.BudgetNotFound, $"budget {c.Budget} has no appropriation to adjust");
        var error = ValidLine(c.Budget, catalog)
                    ?? (c.Delta == Money.Zero ? DomainError.Invalid(ErrorCodes.NoChange, "delta", "delta must not be zero") : null)
                    ?? Text.Required(c.Reason, "reason", Text.LongMax)
                    ?? Text.Required(c.DocumentReference, "document_reference");
        if (error is not null)
            return error;
        var after = state.Appropriated + c.Delta;
        if (after.IsNegative)
            return DomainError.Breach(ErrorCodes.AppropriationBelowZero,
                LimitBreach.Ceiling(LimitNames.Appropriation(c.Budget), state.Appropriated, Money.Zero, -c.Delta, "cut"), "delta");
        return Result.Success(new AppropriationAdjusted(c.Budget, c.Delta, after, c.Reason, c.DocumentReference, c.AdjustedOn));
    }
}
