using Grants.Api.Auth;
using Grants.Api.Tests.Catalog;
using Grants.Contracts.V1;
using Grpc.Core;

namespace Grants.Api.Tests.Applicants;

public sealed class CreditStandingTests(RegistryFixture fixture) : IClassFixture<RegistryFixture>
{
    private ApplicantService.ApplicantServiceClient Registry => fixture.Client<ApplicantService.ApplicantServiceClient>(Roles.CreditRegistry);

    private async Task<string> Enterprise() =>
        (await fixture.Client<ApplicantService.ApplicantServiceClient>(Roles.ApplicantPortal)
            .RegisterEnterpriseAsync(TestIdentities.Enterprise())).Applicant.ApplicantId;

    private static FlagCreditRequest Flag(string applicantId) => new()
    {
        RequestId = RegistryFixture.NewRequestId(),
        ApplicantId = applicantId,
        Reason = "列入严重失信主体名单",
        CaseReference = "XY-2025-0042",
        DecidedOn = new Date { Year = 2025, Month = 3, Day = 14 },
    };

    private static ClearCreditRequest Clear(string applicantId) => new()
    {
        RequestId = RegistryFixture.NewRequestId(),
        ApplicantId = applicantId,
        Reason = "信用修复完成",
        CaseReference = "XY-2025-0042-R",
        DecidedOn = new Date { Year = 2025, Month = 9, Day = 1 },
    };

    [Fact]
    public async Task GivenAnEnterprise_WhenTheRegistryFlagsAndLaterClearsIt_ThenItsStandingFollowsWithTheCase()
    {
        var id = await Enterprise();

        var flagged = (await Registry.FlagCreditAsync(Flag(id))).Applicant;
        Assert.Equal((CreditStatus.Flagged, "列入严重失信主体名单", "XY-2025-0042", "2025-03-14", 2L),
            (flagged.Credit.Status, flagged.Credit.Reason, flagged.Credit.CaseReference, flagged.Credit.DecidedOn.ToIsoString(), flagged.Version));
        Assert.NotNull(flagged.Credit.RecordedAt);
        Assert.Equal(flagged, (await Registry.GetApplicantAsync(new GetApplicantRequest { ApplicantId = id })).Applicant);

        var cleared = (await Registry.ClearCreditAsync(Clear(id))).Applicant;
        Assert.Equal((CreditStatus.Good, "XY-2025-0042-R", 3L), (cleared.Credit.Status, cleared.Credit.CaseReference, cleared.Version));
    }

    [Fact]
    public async Task GivenAnApplicantInGoodStanding_WhenCleared_ThenFailedPreconditionAndNothingWritten()
    {
        var id = await Enterprise();
        var before = await fixture.WrittenSoFar();

        var violation = await RpcAssert.Precondition("STATE", () => Registry.ClearCreditAsync(Clear(id)).ResponseAsync);

        Assert.Equal($"applicant {id}", violation.Subject);
        Assert.Equal(before, await fixture.WrittenSoFar());
    }

    [Fact]
    public async Task GivenBadRequests_WhenFlagging_ThenInvalidArgumentOrNotFoundAndNothingWritten()
    {
        var id = await Enterprise();
        var before = await fixture.WrittenSoFar();
        var bad = Flag(id);
        bad.Reason = "";
        bad.CaseReference = new string('x', 101);
        bad.DecidedOn = new Date { Year = 2025, Month = 2, Day = 30 };

        Assert.Equal(["reason", "case_reference", "decided_on"], await RpcAssert.InvalidFields(() => Registry.FlagCreditAsync(bad).ResponseAsync));
        await RpcAssert.Refused(StatusCode.NotFound, () => Registry.FlagCreditAsync(Flag("APL-0000000000000001")).ResponseAsync);
        Assert.Equal(before, await fixture.WrittenSoFar());
    }

    [Fact]
    public async Task GivenAFlag_WhenRetriedWithTheSameRequestId_ThenTheSameResponseWithoutWriting()
    {
        var request = Flag(await Enterprise());
        var first = await Registry.FlagCreditAsync(request);
        var before = await fixture.WrittenSoFar();

        Assert.Equal(first, await Registry.FlagCreditAsync(request));
        Assert.Equal(before, await fixture.WrittenSoFar());
    }
}
