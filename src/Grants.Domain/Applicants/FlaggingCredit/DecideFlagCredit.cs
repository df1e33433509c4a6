using Grants.Domain.Applicants.FlaggingCredit;

namespace Grants.Domain.Applicants;

public static partial class ApplicantDecider
{
    private static Result FlagCredit(FlagCredit c, ApplicantState state)
    {
        var error = MustExist(state, c.ApplicantId)
                    ?? Text.Required(c.RegistryReference, "registry_reference")
                    ?? Text.Required(c.Reason, "reason", Text.LongMax);
        if (error is not null)
            return error;
        if (state.Flag is { } flag)
            return new DomainError(ErrorCodes.AlreadyFlagged,
                $"applicant {c.ApplicantId} is already flagged under {flag.RegistryReference} since {flag.FlaggedOn:yyyy-MM-dd}");

        return Result.Success(new ApplicantCreditFlagged(c.ApplicantId, state.BeneficiaryKey, c.RegistryReference, c.Reason, c.FlaggedOn));
    }
}
