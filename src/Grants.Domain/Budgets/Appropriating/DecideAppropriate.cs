using Grants.Domain.Budgets.Appropriating;
using Grants.Domain.Catalog;

namespace Grants.Domain.Budgets;

public static partial class BudgetDecider
{
    private static Result Appropriate(Appropriate c, BudgetState state, PolicyCatalog catalog)
    {
        var error = ValidLine(c.Budget, catalog)
                    ?? (c.Amount.IsPositive ? null : DomainError.Invalid(ErrorCodes.AmountNotPositive, "amount", "amount must be more than zero"))
                    ?? Text.Required(c.Reason, "reason", Text.LongMax)
                    ?? Text.Required(c.DocumentReference, "document_reference");
        return error ?? Result.Success(new AppropriationMade(c.Budget, c.Amount, c.Reason, c.DocumentReference, c.AppropriatedOn));
    }
}
