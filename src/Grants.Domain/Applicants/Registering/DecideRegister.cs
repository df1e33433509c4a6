using Grants.Domain.Applicants.Identity;
using Grants.Domain.Applicants.Registering;
using Grants.Domain.Catalog;

namespace Grants.Domain.Applicants;

public static partial class ApplicantDecider
{
    private static Result RegisterEnterprise(RegisterEnterprise c, ApplicantState state)
    {
        if (CommonChecks(state, c.ApplicantId, c.LegalName) is { } error)
            return error;
        if (c.Kind == ApplicantKind.Person)
            return DomainError.Invalid(ErrorCodes.InvalidApplicantKind, "kind", "an enterprise cannot have the kind Person");
        if (!Enum.IsDefined(c.Kind))
            return DomainError.Invalid(ErrorCodes.InvalidApplicantKind, "kind", "unknown applicant kind");
        if (Text.Required(c.RegisteredDistrict, "registered_district") is { } districtError)
            return districtError;
        var code = UnifiedSocialCreditCode.Parse(c.CreditCode);
        if (code.ErrorOrNull is { } codeError)
            return codeError;

        var creditCode = code.ValueOrThrow();
        return Result.Success(new ApplicantRegistered(
            c.ApplicantId, c.Kind, c.LegalName.Trim(), creditCode.Value, creditCode, null, null,
            c.RegisteredDistrict.Trim(), c.RegisteredOn));
    }

    private static Result RegisterPerson(RegisterPerson c, ApplicantState state)
    {
        if (CommonChecks(state, c.ApplicantId, c.LegalName) is { } error)
            return error;
        if (c.Identity is null || c.Identity.Hmac.Length != 64)
            return DomainError.Invalid(ErrorCodes.InvalidResidentId, "identity", "the person's identity must be built by PersonalIdentity");
        var employer = UnifiedSocialCreditCode.Parse(c.EmployerCreditCode, "employer_credit_code");
        if (employer.ErrorOrNull is { } employerError)
            return employerError;

        return Result.Success(new ApplicantRegistered(
            c.ApplicantId, ApplicantKind.Person, c.LegalName.Trim(), c.Identity.Hmac, null, c.Identity,
            employer.ValueOrThrow(), null, c.RegisteredOn));
    }

    private static DomainError? CommonChecks(ApplicantState state, ApplicantId id, string name)
    {
        if (id is null || !id.IsWellFormed)
            return DomainError.Invalid(ErrorCodes.InvalidApplicantId, "applicant_id", "applicant id must be 1-64 letters, digits or ._:@-");
        if (state.IsRegistered)
            return new DomainError(ErrorCodes.ApplicantExists, $"applicant {id} is already registered");
        return Text.Required(name, "legal_name");
    }
}
