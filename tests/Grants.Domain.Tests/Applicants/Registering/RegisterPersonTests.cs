using Grants.Domain.Applicants;
using Grants.Domain.Applicants.Identity;
using Grants.Domain.Applicants.Registering;
using Grants.Domain.Catalog;
using Grants.Domain.Tests.Fixtures;

namespace Grants.Domain.Tests.Applicants.Registering;

public sealed class RegisterPersonTests
{
    private static readonly PersonalIdentity Identity =
        PersonalIdentity.FromResidentId(TestApplicants.ResidentId, TestApplicants.Hasher).ValueOrThrow();

    private static RegisterPerson Register(string employer = TestApplicants.EmployerCreditCode, string name = "张三") =>
        new(new ApplicantId("AP-P-9"), Identity, name, employer, Dates.D(2025, 1, 2));

    [Fact]
    public void Given_no_applicant_When_a_nominated_person_registers_Then_the_hash_is_the_beneficiary_key_and_no_raw_number_is_kept()
    {
        var e = ApplicantDecider.Decide(Register(), ApplicantState.Initial).ShouldEmit<ApplicantRegistered>();

        Assert.Equal(ApplicantKind.Person, e.Kind);
        Assert.Equal(Identity.Hmac, e.BeneficiaryKey);
        Assert.Equal("3101**********1234", e.Person!.Masked);
        Assert.Equal(TestApplicants.EmployerCreditCode, e.EmployerCreditCode!.Value);
        Assert.DoesNotContain(TestApplicants.ResidentId, e.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Given_the_same_person_nominated_by_two_employers_When_registered_twice_Then_both_have_one_beneficiary_key()
    {
        Assert.Equal(TestApplicants.Person.BeneficiaryKey, TestApplicants.SamePersonOtherEmployer.BeneficiaryKey);
        Assert.NotEqual(TestApplicants.Person.Id, TestApplicants.SamePersonOtherEmployer.Id);
    }

    [Fact]
    public void Given_no_applicant_When_the_employer_credit_code_is_invalid_Then_it_is_refused()
    {
        var error = ApplicantDecider.Decide(Register("91330100799655058C"), ApplicantState.Initial).ShouldFail(ErrorCodes.InvalidCreditCode);

        Assert.Equal("employer_credit_code", error.Field);
    }

    [Fact]
    public void Given_no_applicant_When_the_identity_was_not_built_by_the_factory_Then_it_is_refused()
    {
        var forged = Register() with { Identity = new PersonalIdentity(PersonalIdScheme.ResidentId, "310101199001011234", "x", null) };

        ApplicantDecider.Decide(forged, ApplicantState.Initial).ShouldFail(ErrorCodes.InvalidResidentId);
    }

    [Fact]
    public void Given_no_applicant_When_the_name_is_blank_Then_it_is_required()
    {
        ApplicantDecider.Decide(Register(name: ""), ApplicantState.Initial).ShouldFail(ErrorCodes.RequiredField);
    }

    [Fact]
    public void Given_a_registered_person_When_registering_the_same_id_Then_it_already_exists()
    {
        var state = ApplicantDecider.Fold(ApplicantDecider.Decide(Register(), ApplicantState.Initial).EventsOrEmpty);

        ApplicantDecider.Decide(Register(), state).ShouldFail(ErrorCodes.ApplicantExists);
    }
}
