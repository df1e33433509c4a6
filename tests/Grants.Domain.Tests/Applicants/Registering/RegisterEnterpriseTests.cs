using Grants.Domain.Applicants;
using Grants.Domain.Applicants.Identity;
using Grants.Domain.Applicants.Registering;
using Grants.Domain.Catalog;
using Grants.Domain.Tests.Fixtures;

namespace Grants.Domain.Tests.Applicants.Registering;

public sealed class RegisterEnterpriseTests
{
    private static RegisterEnterprise Register(string code = TestApplicants.FintechCreditCode, ApplicantKind kind = ApplicantKind.FintechEnterprise,
        string name = "上海某金融科技有限公司", string district = "SH-HP", string id = "AP-FT-9") =>
        new(new ApplicantId(id), code, name, kind, district, Dates.D(2025, 1, 2));

    [Fact]
    public void Given_no_applicant_When_an_enterprise_registers_Then_its_credit_code_is_its_beneficiary_key()
    {
        var result = ApplicantDecider.Decide(Register(" 91310101ma1fpx1234 "), ApplicantState.Initial);

        var e = result.ShouldEmit<ApplicantRegistered>();
        Assert.Equal(new ApplicantRegistered(new ApplicantId("AP-FT-9"), ApplicantKind.FintechEnterprise, "上海某金融科技有限公司",
            "91310101MA1FPX1234", UnifiedSocialCreditCode.From("91310101MA1FPX1234"), null, null, "SH-HP", Dates.D(2025, 1, 2)), e);
    }

    [Fact]
    public void Given_a_registered_applicant_When_registering_the_same_id_Then_it_already_exists()
    {
        ApplicantDecider.Decide(Register(id: TestApplicants.FintechId.Value), TestApplicants.Fintech).ShouldFail(ErrorCodes.ApplicantExists);
    }

    [Fact]
    public void Given_no_applicant_When_the_credit_code_check_character_is_wrong_Then_it_is_refused()
    {
        var error = ApplicantDecider.Decide(Register("91310101MA1FPX1235"), ApplicantState.Initial).ShouldFail(ErrorCodes.InvalidCreditCode);

        Assert.Equal("credit_code", error.Field);
    }

    [Fact]
    public void Given_no_applicant_When_an_enterprise_claims_the_person_kind_Then_it_is_refused()
    {
        ApplicantDecider.Decide(Register(kind: ApplicantKind.Person), ApplicantState.Initial).ShouldFail(ErrorCodes.InvalidApplicantKind);
    }

    [Fact]
    public void Given_no_applicant_When_the_kind_is_not_a_known_value_Then_it_is_refused()
    {
        ApplicantDecider.Decide(Register(kind: (ApplicantKind)42), ApplicantState.Initial).ShouldFail(ErrorCodes.InvalidApplicantKind);
    }

    [Theory]
    [InlineData("", "SH-HP", "legal_name")]
    [InlineData("上海某金融科技有限公司", " ", "registered_district")]
    public void Given_no_applicant_When_a_required_field_is_blank_Then_it_is_required(string name, string district, string field)
    {
        var error = ApplicantDecider.Decide(Register(name: name, district: district), ApplicantState.Initial).ShouldFail(ErrorCodes.RequiredField);

        Assert.Equal(field, error.Field);
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    public void Given_no_applicant_When_the_id_is_malformed_Then_it_is_refused(string id)
    {
        ApplicantDecider.Decide(Register(id: id), ApplicantState.Initial).ShouldFail(ErrorCodes.InvalidApplicantId);
    }
}
