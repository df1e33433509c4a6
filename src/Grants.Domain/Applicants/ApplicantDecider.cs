using Grants.Domain.Applicants.ClearingCredit;
using Grants.Domain.Applicants.FlaggingCredit;
using Grants.Domain.Applicants.Registering;

namespace Grants.Domain.Applicants;

/// <summary>Decider of the applicant stream ("applicant-{id}"). Needs no context: registration carries everything.</summary>
public static partial class ApplicantDecider
{
    public static Result Decide(IApplicantCommand command, ApplicantState state) => command switch
    {
        RegisterEnterprise c => RegisterEnterprise(c, state),
        RegisterPerson c => RegisterPerson(c, state),
        FlagCredit c => FlagCredit(c, state),
        ClearCredit c => ClearCredit(c, state),
        _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "not an applicant command"),
    };

    public static ApplicantState Evolve(ApplicantState state, IDomainEvent @event) => @event switch
    {
        ApplicantRegistered e => state with
        {
            Id = e.ApplicantId,
            Kind = e.Kind,
            LegalName = e.LegalName,
            BeneficiaryKey = e.BeneficiaryKey,
            RegisteredDistrict = e.RegisteredDistrict,
        },
        ApplicantCreditFlagged e => state with { Flag = new CreditFlag(e.RegistryReference, e.Reason, e.FlaggedOn) },
        ApplicantCreditCleared => state with { Flag = null },
        _ => state,
    };

    public static ApplicantState Fold(IEnumerable<IDomainEvent> events) => events.Aggregate(ApplicantState.Initial, Evolve);

    private static DomainError? MustExist(ApplicantState state, ApplicantId id) =>
        state.IsRegistered ? null : new DomainError(ErrorCodes.ApplicantNotFound, $"applicant {id} is not registered");
}
