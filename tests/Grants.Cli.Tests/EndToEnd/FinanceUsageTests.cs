namespace Grants.Cli.Tests.EndToEnd;

/// <summary>Options of the finance commands that are wrong on their face: exit code 2 and what to write instead,
/// before anything reaches the server.</summary>
[Collection(DemoServerCollection.Name)]
public sealed class FinanceUsageTests(DemoServerFixture fixture)
{
    [Fact]
    public async Task GivenAnUnknownKindStatusOrYear_WhenListedOrReported_ThenUsageExitNamingTheOption()
    {
        var kind = await fixture.Run("finance", "items", "--kind", "lost");
        var status = await fixture.Run("finance", "instructions", "--status", "sent");
        var year = await fixture.Run("finance", "report", "--fy", "1999");

        Assert.True(kind.Code == ExitCodes.Usage, kind.ToString());
        Assert.Contains("unknown kind 'lost'; one of: ", kind.Error, StringComparison.Ordinal);
        Assert.True(status.Code == ExitCodes.Usage, status.ToString());
        Assert.Contains("unknown status 'sent'; one of: ", status.Error, StringComparison.Ordinal);
        Assert.True(year.Code == ExitCodes.Usage, year.ToString());
        Assert.Contains("--fy must be a year from 2000 to 2100", year.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GivenAResolutionDateThatIsNoDate_WhenResolved_ThenUsageExitAndNothingIsResolved()
    {
        var resolve = await fixture.Run("finance", "resolve", "ANY-1", "--note", "n", "--officer", "hp-stc.li.na",
            "--officer-bureau", "HP-STC", "--on", "2026-13-01");

        Assert.True(resolve.Code == ExitCodes.Usage, resolve.ToString());
        Assert.Equal("grants: --on '2026-13-01' is not a date YYYY-MM-DD", resolve.Error.TrimEnd());
        Assert.Equal("", resolve.Output);
    }
}
