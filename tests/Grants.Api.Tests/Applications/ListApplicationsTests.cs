using Grants.Api.Tests.Lifecycle.Support;
using Grants.Contracts.V1;
using Grpc.Core;
using static Grants.Api.Tests.Lifecycle.Support.GrantsDesk;
using ApplicationServiceClient = Grants.Contracts.V1.ApplicationService.ApplicationServiceClient;

namespace Grants.Api.Tests.Applications;

/// <summary>ListApplications and GetApplication: newest first, keyset pages, filters, and nothing outside the key's bureaus.</summary>
public sealed class ListApplicationsTests(LifecycleFixture fixture) : IClassFixture<LifecycleFixture>
{
    private readonly GrantsDesk _desk = fixture.Desk;

    private ApplicationServiceClient StcAuditor =>
        new(fixture.Server.Invoker(LifecycleFixture.StcAuditor.Key));

    [Fact]
    public async Task Given_five_applications_When_listed_two_per_page_Then_three_pages_hold_each_once_newest_first()
    {
        var applicant = await _desk.RegisterEnterprise();
        var submitted = new List<string>();
        for (var i = 0; i < 5; i++)
            submitted.Add((await _desk.Submit(applicant)).ApplicationId);

        var seen = new List<string>();
        var request = new ListApplicationsRequest { ApplicantId = applicant, PageSize = 2 };
        var pages = 0;
        do
        {
            var page = await _desk.Auditors.ListApplicationsAsync(request);
            seen.AddRange(page.Applications.Select(a => a.ApplicationId));
            request.PageToken = page.NextPageToken;
            pages++;
        }
        while (request.PageToken.Length > 0);

        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Reverse(submitted), seen);
    }

    [Fact]
    public async Task Given_a_page_token_When_used_with_other_filters_Then_it_is_refused()
    {
        var applicant = await _desk.RegisterEnterprise();
        await _desk.Submit(applicant);
        await _desk.Submit(applicant);
        var first = await _desk.Auditors.ListApplicationsAsync(new ListApplicationsRequest { ApplicantId = applicant, PageSize = 1 });

        var fields = await Refusals.InvalidFields(() => _desk.Auditors.ListApplicationsAsync(
            new ListApplicationsRequest { MeasureId = Art1, PageSize = 1, PageToken = first.NextPageToken }).ResponseAsync);

        Assert.Equal(["page_token"], fields);
    }

    [Fact]
    public async Task Given_applications_in_several_states_When_filtered_by_status_and_fiscal_year_Then_only_those_are_listed()
    {
        var applicant = await _desk.RegisterEnterprise();
        await _desk.Appropriate(Officers.Ipo, 2025, Art1, Grants.Domain.Money.FromWan(100));
        var approved = (await _desk.Approved(applicant)).ApplicationId;
        var assessed = (await _desk.Assessed(applicant)).ApplicationId;
        await _desk.Submit(applicant);

        var byStatus = await _desk.Auditors.ListApplicationsAsync(new ListApplicationsRequest
        {
            ApplicantId = applicant, Statuses = { ApplicationStatus.Assessed, ApplicationStatus.Approved },
        });
        var byYear = await _desk.Auditors.ListApplicationsAsync(new ListApplicationsRequest { ApplicantId = applicant, FiscalYear = 2025 });

        Assert.Equal([assessed, approved], byStatus.Applications.Select(a => a.ApplicationId));
        var listed = Assert.Single(byYear.Applications);
        Assert.Equal((approved, 50_000_000L, "金融科技集聚区落户奖励"), (listed.ApplicationId, listed.Award.CurrentAmountFen, listed.Title));
    }

    [Fact]
    public async Task Given_a_key_scoped_to_HP_STC_When_it_lists_and_reads_Then_it_sees_art3_applications_but_not_art1_ones()
    {
        var applicant = await _desk.RegisterEnterprise();
        var underArt1 = (await _desk.Submit(applicant, Art1, 1_000_000)).ApplicationId;
        var underArt3 = (await _desk.Submit(applicant, Art3, 1_000_000)).ApplicationId;

        var listed = await StcAuditor.ListApplicationsAsync(new ListApplicationsRequest { ApplicantId = applicant });
        var read = await StcAuditor.GetApplicationAsync(new GetApplicationRequest { ApplicationId = underArt3 });

        Assert.Equal([underArt3], listed.Applications.Select(a => a.ApplicationId));
        Assert.Equal(Art3, read.Application.MeasureId);
        await Refusals.Expect(StatusCode.PermissionDenied,
            () => StcAuditor.GetApplicationAsync(new GetApplicationRequest { ApplicationId = underArt1 }).ResponseAsync);
        await Refusals.Expect(StatusCode.PermissionDenied,
            () => StcAuditor.ListApplicationsAsync(new ListApplicationsRequest { BureauCode = Officers.Ipo }).ResponseAsync);
    }

    [Fact]
    public async Task Given_a_key_scoped_to_HP_STC_When_it_approves_as_an_HP_IPO_officer_Then_permission_is_denied()
    {
        var applicant = await _desk.RegisterEnterprise();
        var id = (await _desk.Assessed(applicant)).ApplicationId;
        var stcApprover = new ApplicationServiceClient(fixture.Server.Invoker(LifecycleFixture.StcApprover.Key));

        await Refusals.Expect(StatusCode.PermissionDenied, () => stcApprover.ApproveAsync(Approval(id, 50_000_000)).ResponseAsync);
    }
}
