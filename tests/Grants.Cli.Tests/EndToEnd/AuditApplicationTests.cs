using System.Globalization;
using System.Text.Json;
using Google.Protobuf;
using Grants.Contracts.V1;

namespace Grants.Cli.Tests.EndToEnd;

/// <summary>`grants audit history` and `show`: one application's steps and how it stood at a version or a date.</summary>
[Collection(DemoServerCollection.Name)]
public sealed class AuditApplicationTests(DemoServerFixture fixture)
{
    /// <summary>The demo's "paid" path: approved in full, paid in two tranches.</summary>
    private static readonly string[] PaidSteps =
    [
        "application_submitted.v1", "eligibility_confirmed.v1", "application_assessed.v1", "award_approved.v1",
        "tranche_instructed.v1", "payment_confirmed.v1", "tranche_instructed.v1", "payment_confirmed.v1",
    ];

    [Fact]
    public async Task GivenAPaidDemoApplication_WhenItsHistoryIsListed_ThenEachStepInOrderWithTheExportsPositionsAndHashes()
    {
        var id = await PaidApplication();

        var table = await fixture.Run("audit", "history", id);
        var json = await fixture.Run("audit", "history", id, "--json");
        var export = await fixture.Run("audit", "export", "--stream", $"application-{id}");

        Assert.True(table.Code == ExitCodes.Ok, table.ToString());
        Assert.True(json.Code == ExitCodes.Ok, json.ToString());
        var history = JsonParser.Default.Parse<GetApplicationHistoryResponse>(json.Output);
        Assert.Equal(PaidSteps, history.Events.Select(e => e.Type));
        Assert.Equal(Enumerable.Range(1, PaidSteps.Length).Select(v => (long)v), history.Events.Select(e => e.Version));
        // The same events, positions and hashes as the auditor's export of the stream.
        var exported = export.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line =>
        {
            using var e = JsonDocument.Parse(line);
            return (e.RootElement.GetProperty("position").GetInt64(), e.RootElement.GetProperty("type").GetString(), e.RootElement.GetProperty("hash").GetString());
        });
        Assert.Equal(exported, history.Events.Select(e => (e.Position, (string?)e.Type, (string?)e.Hash)));
        // The table: a header, a rule, then one row per step in version order, each naming its type and short hash.
        var rows = table.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[2..];
        Assert.Equal(PaidSteps.Length, rows.Length);
        foreach (var (row, e) in rows.Zip(history.Events))
        {
            var cells = row.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(e.Version.ToString(CultureInfo.InvariantCulture), cells[0]);
            Assert.Equal(e.Position.ToString(CultureInfo.InvariantCulture), cells[1]);
            Assert.Contains(e.Type, cells);
            Assert.Equal(e.Hash[..16], cells[^1]);
        }
    }

    [Fact]
    public async Task GivenAPaidDemoApplication_WhenShownAsOfVersionOneAndAsOfToday_ThenSubmittedAtItsFirstEventAndPaidAtItsLast()
    {
        var id = await PaidApplication();
        var history = await fixture.Server.Client<AuditService.AuditServiceClient>("auditor")
            .GetApplicationHistoryAsync(new GetApplicationHistoryRequest { ApplicationId = id });
        var today = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var first = await fixture.Run("audit", "show", id, "--version", "1", "--json");
        var now = await fixture.Run("audit", "show", id, "--as-of", today);

        Assert.True(first.Code == ExitCodes.Ok, first.ToString());
        var submitted = JsonParser.Default.Parse<GetApplicationAsOfResponse>(first.Output);
        Assert.Equal(ApplicationStatus.Submitted, submitted.Application.Status);
        Assert.Equal(1, submitted.Application.Version);
        Assert.Equal(history.Events[0].Hash, submitted.Hash);
        Assert.True(now.Code == ExitCodes.Ok, now.ToString());
        var last = history.Events[^1];
        Assert.StartsWith($"Application {id} as of the end of {today} (China Standard Time): version {last.Version}, " +
                          $"position {last.Position:N0}, hash {last.Hash}", now.Output, StringComparison.Ordinal);
        Assert.Contains("paid", now.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GivenAPaidDemoApplication_WhenShownAsOfAVersionBeyondItsLast_ThenExitOneWithInvalidArgumentNamingTheLastVersionAndNothingShown()
    {
        var id = await PaidApplication();

        var show = await fixture.Run("audit", "show", id, "--version", "99");

        Assert.True(show.Code == ExitCodes.Refused, show.ToString());
        Assert.Equal($"grants: INVALID_ARGUMENT: version: must be at most {PaidSteps.Length}, the last version of application {id}", show.Error.TrimEnd());
        Assert.Equal("", show.Output);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-2")]
    public async Task GivenAVersionThatIsNotPositive_WhenShowIsAsked_ThenUsageExitSayingItMustBeAPositiveStreamVersion(string version)
    {
        var show = await fixture.Run("audit", "show", "HP-2025-000001", "--version", version);

        Assert.True(show.Code == ExitCodes.Usage, show.ToString());
        Assert.Contains($"--version {version} must be a positive stream version (1 is the submission)", show.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("give either", show.Error, StringComparison.Ordinal);
        // A usage error shows the command's help, never an application.
        Assert.DoesNotContain("Application HP-2025-000001", show.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GivenAnApplicationThatDoesNotExist_WhenItsHistoryIsAsked_ThenExitOneWithNotFoundAndNothingOnStandardOutput()
    {
        var history = await fixture.Run("audit", "history", "HP-2026-999999");

        Assert.True(history.Code == ExitCodes.Refused, history.ToString());
        Assert.StartsWith("grants: NOT_FOUND", history.Error, StringComparison.Ordinal);
        Assert.Contains("HP-2026-999999", history.Error, StringComparison.Ordinal);
        Assert.Equal("", history.Output);
    }

    private async Task<string> PaidApplication()
    {
        var paid = await fixture.Server.Client<ApplicationService.ApplicationServiceClient>("auditor").ListApplicationsAsync(
            new ListApplicationsRequest { PageSize = 200, Statuses = { ApplicationStatus.Paid } });
        // The demo's first case takes the plain "paid" path (DemoPath.Paid is path 0).
        return paid.Applications.Select(a => a.ApplicationId).Order(StringComparer.Ordinal).First();
    }
}
