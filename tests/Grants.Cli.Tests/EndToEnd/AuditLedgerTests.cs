using System.Globalization;
using System.Text.Json;
using Grants.Cli.Output;
using Grants.Contracts.V1;
using Google.Protobuf;

namespace Grants.Cli.Tests.EndToEnd;

/// <summary>`grants audit replay` and `rebuild-compare`: the ledgers recomputed from the events agree with the live
/// ones, and a live table altered behind the events' back is caught.</summary>
[Collection(DemoServerCollection.Name)]
public sealed class AuditLedgerTests(DemoServerFixture fixture)
{
    private static readonly TimeSpan ChinaStandardTime = TimeSpan.FromHours(8);

    [Fact]
    public async Task GivenTheDemoLedgers_WhenReplayedAsOfToday_ThenEveryBudgetLedgerAndTheTotalsAreWhatListLedgersReports()
    {
        var today = Day(DateTimeOffset.UtcNow);

        var json = await fixture.Run("audit", "replay", "--as-of", today, "--json");
        var table = await fixture.Run("audit", "replay", "--as-of", today);
        var live = await Ledgers();
        var head = await fixture.Server.Client<AuditService.AuditServiceClient>("auditor").GetDigestAsync(new GetDigestRequest());

        Assert.True(json.Code == ExitCodes.Ok, json.ToString());
        var replayed = JsonParser.Default.Parse<GetLedgersAsOfResponse>(json.Output);
        // As of a moment, the position is the last money event included; the head is the whole log's.
        Assert.Equal(head.Position, replayed.HeadPosition);
        Assert.InRange(replayed.Position, 1, head.Position);
        Assert.NotEmpty(live.Ledgers);
        Assert.Equal(live.Ledgers.Select(Figures), replayed.BudgetLedgers.Select(Figures));

        Assert.True(table.Code == ExitCodes.Ok, table.ToString());
        Assert.StartsWith($"Ledgers as of the end of {today} (China Standard Time)", table.Output, StringComparison.Ordinal);
        var totals = live.Totals;
        Assert.Equal(
            ["TOTAL", Yuan.Format(totals.AppropriatedFen), Yuan.Format(totals.CommittedFen), Yuan.Format(totals.PaidFen),
             Yuan.Format(totals.RecoveredFen), Yuan.Format(totals.AvailableFen)],
            TotalRow(table.Output));
    }

    [Fact]
    public async Task GivenTheDemoRecordedToday_WhenReplayedAsOfTheDayBefore_ThenNoEventIsReplayedAndNoLedgerExists()
    {
        var dayBefore = Day(fixture.StartedAt.AddDays(-1));

        var replay = await fixture.Run("audit", "replay", "--as-of", dayBefore, "--json");

        Assert.True(replay.Code == ExitCodes.Ok, replay.ToString());
        var replayed = JsonParser.Default.Parse<GetLedgersAsOfResponse>(replay.Output);
        Assert.Equal(0, replayed.EventsReplayed);
        Assert.Empty(replayed.BudgetLedgers);
        Assert.True(replayed.HeadPosition > 0);
    }

    [Fact]
    public async Task GivenTheFirstApproval_WhenReplayedThroughThePositionBeforeItAndThroughIt_ThenCommittedGrowsByExactlyThatAward()
    {
        var approval = await fixture.Run("audit", "export", "--type", "award_approved.v1");
        using var first = JsonDocument.Parse(approval.Output.Split('\n')[0]);
        var position = first.RootElement.GetProperty("position").GetInt64();
        var applicationId = first.RootElement.GetProperty("stream_id").GetString()!["application-".Length..];
        var award = (await fixture.Server.Client<ApplicationService.ApplicationServiceClient>("auditor")
            .GetApplicationAsync(new GetApplicationRequest { ApplicationId = applicationId })).Application.Award;

        var before = await fixture.Run("audit", "replay", "--position", (position - 1).ToString(CultureInfo.InvariantCulture), "--json");
        var through = await fixture.Run("audit", "replay", "--position", position.ToString(CultureInfo.InvariantCulture), "--json");

        Assert.True(before.Code == ExitCodes.Ok, before.ToString());
        Assert.True(through.Code == ExitCodes.Ok, through.ToString());
        var b = JsonParser.Default.Parse<GetLedgersAsOfResponse>(before.Output);
        var t = JsonParser.Default.Parse<GetLedgersAsOfResponse>(through.Output);
        Assert.Equal((position - 1, position), (b.Position, t.Position));
        Assert.Equal(b.BudgetLedgers.Sum(l => l.CommittedFen) + award.OriginalAmountFen, t.BudgetLedgers.Sum(l => l.CommittedFen));
        Assert.Equal(b.BudgetLedgers.Sum(l => l.AppropriatedFen), t.BudgetLedgers.Sum(l => l.AppropriatedFen));
    }

    [Fact]
    public async Task GivenNeitherOrBothPoints_WhenReplayIsAsked_ThenUsageExitAndNothingIsPrinted()
    {
        var neither = await fixture.Run("audit", "replay");
        var both = await fixture.Run("audit", "replay", "--as-of", "2026-01-01", "--position", "3");
        var notADate = await fixture.Run("audit", "replay", "--as-of", "31/12/2025");

        Assert.True(neither.Code == ExitCodes.Usage, neither.ToString());
        Assert.Contains("give either --as-of or --position", neither.Error, StringComparison.Ordinal);
        Assert.True(both.Code == ExitCodes.Usage, both.ToString());
        Assert.Contains("give either --as-of or --position", both.Error, StringComparison.Ordinal);
        Assert.True(notADate.Code == ExitCodes.Usage, notADate.ToString());
        Assert.Equal("grants: --as-of '31/12/2025' is neither a date (2025-12-31) nor a date and time (2025-12-31T18:00:00+08:00)", notADate.Error.TrimEnd());
        Assert.Equal("", notADate.Output);
    }

    [Theory]
    [InlineData("-3")]
    [InlineData("0")]
    public async Task GivenAPositionThatIsNotPositive_WhenReplayIsAsked_ThenUsageExitSayingItMustBeAPositiveEventPosition(string position)
    {
        var replay = await fixture.Run("audit", "replay", "--position", position);

        Assert.True(replay.Code == ExitCodes.Usage, replay.ToString());
        Assert.Contains($"--position {position} must be a positive event position (1 is the first event)", replay.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("give either", replay.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Ledgers as of", replay.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GivenTheDemoProjections_WhenRebuiltAndCompared_ThenIdenticalWithNoDifferenceThroughTheHead()
    {
        var text = await fixture.Run("audit", "rebuild-compare");
        var json = await fixture.Run("audit", "rebuild-compare", "--json");
        var head = await fixture.Server.Client<AuditService.AuditServiceClient>("auditor").GetDigestAsync(new GetDigestRequest());

        Assert.True(text.Code == ExitCodes.Ok, text.ToString());
        Assert.Contains("IDENTICAL: every projection rebuilt from the events equals the live tables.", text.Output, StringComparison.Ordinal);
        Assert.True(json.Code == ExitCodes.Ok, json.ToString());
        var result = JsonParser.Default.Parse<RebuildCompareResult>(json.Output);
        Assert.True(result.Identical);
        Assert.Equal(0, result.DifferenceCount);
        Assert.Equal(head.Position, result.Position);
        Assert.Contains(result.Tables, t => t.StartsWith("budget_ledgers ", StringComparison.Ordinal));
        Assert.Contains(result.Tables, t => t.StartsWith("finance_instructions ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GivenALiveLedgerAlteredBehindTheEvents_WhenRebuiltAndCompared_ThenExitOneListingThatLedgersColumnLiveAndRebuilt()
    {
        var ledger = (await Ledgers()).Ledgers[0];
        var where = $"bureau = '{ledger.BureauCode}' and fiscal_year = {ledger.FiscalYear} and measure_id = '{ledger.MeasureId}'";
        await fixture.Execute($"update grants.budget_ledgers set appropriated_fen = appropriated_fen + 1 where {where}");
        CliRun compare;
        try
        {
            compare = await fixture.Run("audit", "rebuild-compare", "--json");
        }
        finally
        {
            await fixture.Execute($"update grants.budget_ledgers set appropriated_fen = appropriated_fen - 1 where {where}");
        }

        Assert.True(compare.Code == ExitCodes.Refused, compare.ToString());
        var result = JsonParser.Default.Parse<RebuildCompareResult>(compare.Output);
        Assert.False(result.Identical);
        // Both the shadow rebuild and the reference arithmetic (LedgerBook) disagree with the live row, on that figure only.
        Assert.Equal(2, result.DifferenceCount);
        Assert.Equal(["reference", "shadow"], result.Differences.Select(d => d.Source).Order(StringComparer.Ordinal));
        var key = $"{ledger.BureauCode}|{ledger.FiscalYear}|{ledger.MeasureId}";
        Assert.All(result.Differences, d => Assert.Equal(
            ("budget_ledgers", key, "appropriated_fen", (ledger.AppropriatedFen + 1).ToString(CultureInfo.InvariantCulture), ledger.AppropriatedFen.ToString(CultureInfo.InvariantCulture)),
            (d.Table, d.Key, d.Column, d.Live, d.Rebuilt)));
    }

    /// <summary>The calendar day in China Standard Time, as `--as-of` reads a date.</summary>
    private static string Day(DateTimeOffset instant) =>
        instant.ToOffset(ChinaStandardTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static (string, int, string, long, long, long, long, long) Figures(Ledger l) =>
        (l.BureauCode, l.FiscalYear, l.MeasureId, l.AppropriatedFen, l.CommittedFen, l.PaidFen, l.RecoveredFen, l.AvailableFen);

    /// <summary>The cells of the budget table's TOTAL row (the first table of the replay's output).</summary>
    private static string[] TotalRow(string output) =>
        output.Split('\n').First(l => l.StartsWith("TOTAL", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private Task<ListLedgersResponse> Ledgers() =>
        Grants.Cli.Ledgers.LedgersCommand.ReadAll(fixture.Server.Client<BudgetService.BudgetServiceClient>("auditor"), new ListLedgersRequest());
}
