using Grants.Api.Auth;
using Grants.Api.Tests.Audit.Support;
using Grants.Api.Tests.Lifecycle.Support;
using Grants.Contracts.V1;
using static Grants.Api.Tests.Lifecycle.Support.GrantsDesk;
using Grants.Projections.Applications;
using Microsoft.Extensions.DependencyInjection;
using ApplicationHistories = Grants.Api.Services.Applications.ApplicationHistories;

namespace Grants.Api.Tests.Lifecycle;

/// <summary>What a request says beyond its domain event (a submission's title, the officer) is part of the hashed
/// history: it travels in the event metadata, and the application views read it back from a derived table that a
/// rebuild reproduces.</summary>
public sealed class StepNotesTests(LifecycleFixture fixture) : IClassFixture<LifecycleFixture>
{
    private readonly GrantsDesk _desk = fixture.Desk;

    [Fact]
    public async Task Given_a_request_that_appends_several_events_with_a_note_When_rebuilt_event_by_event_Then_the_notes_match()
    {
        var applicant = await _desk.RegisterEnterprise();
        await _desk.Appropriate(Officers.Ipo, 2025, Art1, new Grants.Domain.Money(100_000_000));
        var approved = await _desk.Approved(applicant, 50_000_000);
        await _desk.Paid(approved.ApplicationId, 50_000_000);
        var clawback = (await _desk.Clawbacks.OrderClawbackAsync(new OrderClawbackRequest
        {
            RequestId = NewRequestId(), ApplicationId = approved.ApplicationId, AmountFen = 10_000_000, Reason = "moved out of 黄浦区",
            Officer = Officers.Inspector, OrderedOn = Officers.On(2025, 7, 1), DueOn = Officers.On(2025, 8, 1),
        })).Clawback;

        // Writing off the last clawback closes the award in the same append: two events, one note (the officer).
        await _desk.Clawbacks.WriteOffAsync(new WriteOffRequest
        {
            RequestId = NewRequestId(), ClawbackId = clawback.ClawbackId, Reason = "企业已注销，无可追回财产",
            Officer = Officers.Finance, WrittenOffOn = Officers.On(2025, 9, 1),
        });
        Assert.Equal(2, await _desk.EventCount("application_closed.v1") + await _desk.EventCount("clawback_written_off.v1"));

        var audit = fixture.Server.Client<AuditService.AuditServiceClient>(Roles.Auditor);
        var (_, result) = await Rebuild.Run(audit, new RebuildCompareRequest());
        Assert.True(result.DifferenceCount == 0, string.Join("; ", result.Differences.Select(d => $"{d.Table} {d.Key} {d.Column}: live {d.Live}, rebuilt {d.Rebuilt}")));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Given_each_step_with_its_note_When_the_command_answers_Then_its_view_equals_the_application_read_back(bool historyCached)
    {
        var applicant = await _desk.RegisterEnterprise();
        await _desk.Appropriate(Officers.Ipo, 2025, Art1, new Grants.Domain.Money(100_000_000));
        var submitted = await _desk.Submit(applicant);
        var id = submitted.ApplicationId;
        await AnswerIsReadBack(submitted);
        // A command's answer takes the notes of earlier steps from the history it decided on (NoteFiling), not from
        // grants.application_notes; the table is what a read shows, whether the history came from the cache or the stream.
        await AnswerIsReadBack((await _desk.Assessors.ConfirmEligibilityAsync(new ConfirmEligibilityRequest
        {
            RequestId = NewRequestId(), ApplicationId = await Taken(id), Officer = Officers.Assessor, DecidedOn = Officers.On(2025, 6, 2),
            Note = "材料齐全",
        })).Application);
        var assessed = (await _desk.Assessors.AssessAsync(new AssessRequest
        {
            RequestId = NewRequestId(), ApplicationId = await Taken(id), Assessor = Officers.Assessor, Score = 86, RecommendedAmountFen = 50_000_000,
            Comment = "meets art.1", Conflict = new ConflictDeclaration { HasConflict = false, Statement = "no relation to the applicant" },
        })).Application;
        await AnswerIsReadBack(assessed);
        var approved = (await _desk.Approvers.ApproveAsync(Approval(await Taken(id), 50_000_000))).Application;
        await AnswerIsReadBack(approved);

        Assert.Equal((submitted.Title, "meets art.1", Officers.Ipo), (approved.Title, approved.Assessment.Comment, approved.Award.Approvers[0].BureauCode));

        // The next command decides on the history as this server wrote it, or (forgotten) as read from the stream.
        async Task<string> Taken(string application)
        {
            var key = new Grants.Domain.ApplicationId(application);
            if (!historyCached)
                Histories().Forget(key);
            Assert.Equal(historyCached, (await Histories().Take(key, CancellationToken.None)).Cached);
            return application;
        }
    }

    private async Task AnswerIsReadBack(Application answered) =>
        Assert.Equal(await _desk.Get(answered.ApplicationId), answered);

    private ApplicationHistories Histories() => fixture.Server.App.Services.GetRequiredService<ApplicationHistories>();

    [Fact]
    public async Task Given_a_submission_with_a_title_When_the_history_is_read_and_rebuilt_Then_the_title_is_in_the_hashed_metadata_and_survives()
    {
        var applicant = await _desk.RegisterEnterprise();
        var submitted = await _desk.Submit(applicant, Art1, 50_000_000);

        await using var command = fixture.Database.DataSource.CreateCommand(
            "select metadata->'note'->>'title' from grants.events where stream_id = $1 and version = 1");
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = "application-" + submitted.ApplicationId });
        Assert.Equal(submitted.Title, (string?)await command.ExecuteScalarAsync());

        var audit = fixture.Server.Client<AuditService.AuditServiceClient>(Roles.Auditor);
        var (_, result) = await Rebuild.Run(audit, new RebuildCompareRequest());

        Assert.True(result.DifferenceCount == 0, string.Join("; ", result.Differences.Select(d => $"{d.Table} {d.Key} {d.Column}: live {d.Live}, rebuilt {d.Rebuilt}")));
        Assert.Contains(result.Tables, t => t.StartsWith("application_notes (", StringComparison.Ordinal) && !t.Contains("(0 rows)", StringComparison.Ordinal));
        var shown = await _desk.Auditors.GetApplicationAsync(new GetApplicationRequest { ApplicationId = submitted.ApplicationId });
        Assert.Equal(submitted.Title, shown.Application.Title);
    }
}
