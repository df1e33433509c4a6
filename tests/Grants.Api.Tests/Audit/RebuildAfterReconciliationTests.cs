using Grants.Api.Auth;
using Grants.Api.Tests.Audit.Support;
using Grants.Api.Tests.Finance.Support;
using Grants.Contracts.V1;
using Xunit.Abstractions;

namespace Grants.Api.Tests.Audit;

/// <summary>The rebuild on a history the randomized workload does not reach: a month of more than a thousand payments
/// appended many events at a time, its bank statement reconciled (every kind of item) and an item resolved.</summary>
public sealed class RebuildAfterReconciliationTests(MonthFixture fixture, ITestOutputHelper output) : IClassFixture<MonthFixture>
{
    [Fact]
    public async Task GivenAReconciledMonthWithAResolvedItem_WhenEveryProjectionIsRebuiltAndCompared_ThenNothingDiffers()
    {
        var item = fixture.FirstImport.Outcomes.First(o => o.Kind == ItemKind.WrongAccount);
        await fixture.Finance.ResolveItemAsync(new ResolveItemRequest
        {
            RequestId = Guid.NewGuid().ToString("N"),
            BankTransactionId = item.BankTransactionId,
            Note = "退回银行，重新按原账户支付",
            Officer = new Officer { Id = "hp-ipo.li.na", BureauCode = "HP-IPO" },
            ResolvedOn = Date.FromDateOnly(new DateOnly(2025, 4, 30)),
        });
        var auditor = fixture.Server.Client<AuditService.AuditServiceClient>(Roles.Auditor);

        var (progress, result) = await Rebuild.Run(auditor, new RebuildCompareRequest());

        output.WriteLine($"replayed {result.EventsReplayed} events at {result.EventsPerSecond:0} events/s; tables: {string.Join(", ", result.Tables)}");
        Assert.True(result.Identical, string.Join("\n", result.Differences));
        Assert.Equal(result.Position, result.EventsReplayed);
        Assert.Contains(result.Tables, t => t.StartsWith("statement_lines (", StringComparison.Ordinal) && t != "statement_lines (0 rows)");
        Assert.Contains(progress, p => p.Phase == "writing shadow");
        Assert.Contains(progress, p => p.Phase == "comparing" && p.Done == p.Total && p.Total > 0);
    }
}
