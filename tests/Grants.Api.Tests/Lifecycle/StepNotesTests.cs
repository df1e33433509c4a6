using Grants.Api.Auth;
using Grants.Api.Tests.Audit.Support;
using Grants.Api.Tests.Lifecycle.Support;
using Grants.Contracts.V1;
using static Grants.Api.Tests.Lifecycle.Support.GrantsDesk;
using Grants.Projections.Applications;

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
