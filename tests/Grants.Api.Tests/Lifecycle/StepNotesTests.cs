using Grants.Api.Auth;
using Grants.Api.Tests.Audit.Support;
using Grants.Api.Tests.Lifecycle.Support;
using Grants.Contracts.V1;
using static Grants.Api.Tests.Lifecycle.Support.GrantsDesk;

namespace Grants.Api.Tests.Lifecycle;

/// <summary>What a request says beyond its domain event (a submission's title, the officer) is part of the hashed
/// history: it travels in the event metadata, and the application views read it back from a derived table that a
/// rebuild reproduces.</summary>
public sealed class StepNotesTests(LifecycleFixture fixture) : IClassFixture<LifecycleFixture>
{
    private readonly GrantsDesk _desk = fixture.Desk;

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
