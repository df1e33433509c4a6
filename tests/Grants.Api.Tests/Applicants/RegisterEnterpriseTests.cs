using Grants.Api.Auth;
using Grants.Api.Tests.Catalog;
using Grants.Contracts.V1;
using Grants.Domain.Applicants.Identity;
using Grpc.Core;

namespace Grants.Api.Tests.Applicants;

public sealed class RegisterEnterpriseTests(RegistryFixture fixture) : IClassFixture<RegistryFixture>
{
    private ApplicantService.ApplicantServiceClient Portal => fixture.Client<ApplicantService.ApplicantServiceClient>(Roles.ApplicantPortal);

    [Fact]
    public async Task GivenAValidCreditCode_WhenRegisteringAnEnterprise_ThenItIsRegisteredInGoodStanding()
    {
        var request = TestIdentities.Enterprise();

        var applicant = (await Portal.RegisterEnterpriseAsync(request)).Applicant;

        Assert.StartsWith("APL-", applicant.ApplicantId, StringComparison.Ordinal);
        Assert.Equal((ApplicantKind.FintechEnterprise, request.Name, 1L), (applicant.Kind, applicant.Name, applicant.Version));
        Assert.Equal((request.UnifiedSocialCreditCode, "SH-HP"), (applicant.Enterprise.UnifiedSocialCreditCode, applicant.Enterprise.DistrictCode));
        Assert.Equal(CreditStatus.Good, applicant.Credit.Status);
        Assert.NotNull(applicant.RegisteredAt);

        var read = await fixture.Client<ApplicantService.ApplicantServiceClient>(Roles.Auditor)
            .GetApplicantAsync(new GetApplicantRequest { ApplicantId = applicant.ApplicantId });
        Assert.Equal(applicant, read.Applicant);
    }

    [Fact]
    public async Task GivenAWrongCheckCharacter_WhenRegistering_ThenInvalidArgumentNamesTheCodeAndNothingIsWritten()
    {
        var before = await fixture.WrittenSoFar();
        var request = TestIdentities.Enterprise(TestIdentities.WithWrongCheck(TestIdentities.CreditCode(), UnifiedSocialCreditCode.Alphabet));

        var error = await RpcAssert.Refused(StatusCode.InvalidArgument, () => Portal.RegisterEnterpriseAsync(request).ResponseAsync);

        Assert.Contains("unified_social_credit_code", error.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("check character", error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(before, await fixture.WrittenSoFar());
    }

    [Fact]
    public async Task GivenSeveralBadFields_WhenRegistering_ThenEachIsNamedAtOnce()
    {
        var request = TestIdentities.Enterprise("91310101MA1FL0O00X", district: "SH-XX");
        request.Name = "";
        request.Kind = ApplicantKind.Person;

        var fields = await RpcAssert.InvalidFields(() => Portal.RegisterEnterpriseAsync(request).ResponseAsync);

        Assert.Equal(["unified_social_credit_code", "name", "kind", "district_code"], fields);
    }

    [Fact]
    public async Task GivenARegisteredEnterprise_WhenRegisteredAgainUnderANewRequestId_ThenAlreadyExistsNamesTheApplicant()
    {
        var request = TestIdentities.Enterprise();
        var first = (await Portal.RegisterEnterpriseAsync(request)).Applicant;
        var before = await fixture.WrittenSoFar();

        var again = request.Clone();
        again.RequestId = RegistryFixture.NewRequestId();
        again.Name = "另一个名称有限公司";
        var error = await RpcAssert.Refused(StatusCode.AlreadyExists, () => Portal.RegisterEnterpriseAsync(again).ResponseAsync);

        Assert.Contains(first.ApplicantId, error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(before, await fixture.WrittenSoFar());
    }

    [Fact]
    public async Task GivenARegistration_WhenRetriedWithTheSameRequestId_ThenTheSameResponseWithoutWriting()
    {
        var request = TestIdentities.Enterprise();
        var first = await Portal.RegisterEnterpriseAsync(request);
        var before = await fixture.WrittenSoFar();

        Assert.Equal(first, await Portal.RegisterEnterpriseAsync(request));
        Assert.Equal(before, await fixture.WrittenSoFar());

        var changed = request.Clone();
        changed.Kind = ApplicantKind.CarrierOperator;
        await RpcAssert.Refused(StatusCode.AlreadyExists, () => Portal.RegisterEnterpriseAsync(changed).ResponseAsync);
        Assert.Equal(before, await fixture.WrittenSoFar());
    }

    [Fact]
    public async Task GivenAPortalKeyScopedToPudong_WhenRegisteringAHuangpuEnterprise_ThenPermissionDenied()
    {
        var pudongPortal = fixture.Client<ApplicantService.ApplicantServiceClient>(RegistryFixture.PudongPortal);

        await RpcAssert.Refused(StatusCode.PermissionDenied, () =>
            pudongPortal.RegisterEnterpriseAsync(TestIdentities.Enterprise(district: "SH-HP")).ResponseAsync);
        var pudong = await pudongPortal.RegisterEnterpriseAsync(TestIdentities.Enterprise(district: "SH-PD"));
        Assert.Equal("SH-PD", pudong.Applicant.Enterprise.DistrictCode);
    }

    [Fact]
    public async Task GivenAnUnknownApplicant_WhenGettingIt_ThenNotFound()
    {
        await RpcAssert.Refused(StatusCode.NotFound, () =>
            Portal.GetApplicantAsync(new GetApplicantRequest { ApplicantId = "APL-0000000000000000" }).ResponseAsync);
    }
}
