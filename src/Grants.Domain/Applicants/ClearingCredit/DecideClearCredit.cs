using Grants.Domain.Applicants.ClearingCredit;

namespace Grants.Domain.Applicants;

public static partial class ApplicantDecider
{
    private static Result ClearCredit(ClearCredit c, ApplicantState state)
    {
        var error = MustExist(state, c.ApplicantId)
                    ?? Text.Required(c.RegistryReference, "registry_reference")
                    ?? Text.Required(c.Reason, "reason", Text.LongMax);
        if (error is not null)
            return error;
        if (!state.IsFlagged)
            return new DomainError(ErrorCodes.NotFlagged, $"applicant {c.ApplicantId} is not flagged");

        return Result.Success(new ApplicantCreditCleared(c.ApplicantId, state.BeneficiaryKey, c.RegistryReference, c.Reason, c.ClearedOn));
    }
}
