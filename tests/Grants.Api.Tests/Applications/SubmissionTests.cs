using Grants.Api.Tests.Lifecycle.Support;
using Grants.Contracts.V1;
using ApplicantKind = Grants.Domain.Catalog.ApplicantKind;
using Grpc.Core;
using static Grants.Api.Tests.Lifecycle.Support.GrantsDesk;

namespace Grants.Api.Tests.Applications;

/// <summary>Submit: server-assigned application numbers, safe retries, and what the catalog says about amounts.</summary>
public sealed class SubmissionTests(LifecycleFixture fixture) : IClassFixture<LifecycleFixture>
{
    private readonly GrantsDesk _desk = fixture.Desk;

    [Fact]
    public async Task Given_a_submission_When_it_is_retried_with_the_same_request_id_Then_the_same_application_number_comes_back_once()
    {
        var applicant = await _desk.RegisterEnterprise();
        var request = new SubmitRequest
        {
            RequestId = NewRequestId(), ApplicantId = applicant, MeasureId = Art1, Title = "落户奖励", RequestedAmountFen = 30_000_000,
        };
        var submissions = await _desk.EventCount("application_submitted.v1");

        var first = (await _desk.Portal.SubmitAsync(request)).Application;
        var retry = (await _desk.Portal.SubmitAsync(request)).Application;

        Assert.Matches(@"^HP-2025-[0-9]{6}$", first.ApplicationId);
        Assert.Equal(first, retry);
        Assert.Equal(submissions + 1, await _desk.EventCount("application_submitted.v1"));
    }

    [Fact]
    public async Task Given_a_used_request_id_When_it_comes_with_another_payload_Then_it_already_exists()
    {
        var applicant = await _desk.RegisterEnterprise();
        var request = new SubmitRequest
        {
            RequestId = NewRequestId(), ApplicantId = applicant, MeasureId = Art1, Title = "落户奖励", RequestedAmountFen = 30_000_000,
        };
        await _desk.Portal.SubmitAsync(request);

        request.RequestedAmountFen = 40_000_000;
        await Refusals.Expect(StatusCode.AlreadyExists, () => _desk.Portal.SubmitAsync(request).ResponseAsync);
    }

    [Fact]
    public async Task Given_a_non_monetary_measure_When_submitting_without_an_amount_Then_the_application_has_no_requested_amount()
    {
        var applicant = await _desk.RegisterEnterprise(ApplicantKind.ProfessionalServiceOrganisation);

        var submitted = await _desk.Submit(applicant, Art2, null);

        Assert.Equal(ApplicationStatus.Submitted, submitted.Status);
        Assert.False(submitted.HasRequestedAmountFen);
    }

    [Fact]
    public async Task Given_an_unknown_measure_or_applicant_When_submitting_Then_it_is_not_found()
    {
        var applicant = await _desk.RegisterEnterprise();

        await Refusals.Expect(StatusCode.NotFound, () => _desk.Submit(applicant, "HP-2024-3/99", 1_000_000));
        await Refusals.Expect(StatusCode.NotFound, () => _desk.Submit("ENT-NOBODY", Art1, 1_000_000));
    }

    [Fact]
    public async Task Given_an_applicant_kind_the_measure_does_not_admit_When_submitting_Then_it_is_a_failed_precondition()
    {
        var carrier = await _desk.RegisterEnterprise(ApplicantKind.CarrierOperator);

        var violation = await Refusals.Precondition("STATE", () => _desk.Submit(carrier, Art1, 1_000_000));

        Assert.Contains("applicant_not_eligible", violation.Description);
    }

    [Fact]
    public async Task Given_a_request_above_the_measure_cap_When_submitting_Then_the_limit_is_named()
    {
        var applicant = await _desk.RegisterEnterprise();

        var violation = await Refusals.Precondition("LIMIT", () => _desk.Submit(applicant, Art1, 2_000_000_001));

        Assert.Equal("HP-2024-3 art.1 per-award cap", violation.Subject);
    }

    [Fact]
    public async Task Given_a_submitted_application_When_the_applicant_withdraws_it_Then_it_is_withdrawn_with_the_reason()
    {
        var applicant = await _desk.RegisterEnterprise();
        var id = (await _desk.Submit(applicant)).ApplicationId;

        var withdrawn = (await _desk.Portal.WithdrawAsync(new WithdrawRequest
        {
            RequestId = NewRequestId(), ApplicationId = id, Reason = "applied under the wrong measure",
        })).Application;

        Assert.Equal((ApplicationStatus.Withdrawn, "applied under the wrong measure"), (withdrawn.Status, withdrawn.DecisionReason));
    }

    [Fact]
    public async Task Given_an_assessor_with_a_conflict_of_interest_When_assessing_Then_someone_else_must()
    {
        var applicant = await _desk.RegisterEnterprise();
        var id = (await _desk.Eligible(applicant)).ApplicationId;

        var violation = await Refusals.Precondition("STATE", () => _desk.Assessors.AssessAsync(new AssessRequest
        {
            RequestId = NewRequestId(), ApplicationId = id, Assessor = Officers.Assessor, Score = 70, RecommendedAmountFen = 1_000_000,
            Conflict = new ConflictDeclaration { HasConflict = true, Statement = "former director of the applicant" },
        }).ResponseAsync);

        Assert.Contains("assessor_conflict_of_interest", violation.Description);
    }
}
