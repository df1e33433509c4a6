using Grants.Api.Tests.Finance.Support;
using Grants.Contracts.V1;

namespace Grants.Api.Tests.Finance;

/// <summary>Issue 6 acceptance: concurrent imports of overlapping statements never confirm a payment twice.</summary>
public sealed class ConcurrentImportTests(RaceFixture fixture) : IClassFixture<RaceFixture>
{
    [Fact]
    public async Task GivenTwoOverlappingStatements_WhenImportedAtOnce_ThenEveryPaymentIsConfirmedOnceAndEveryBankTransactionUsedOnce()
    {
        var payments = fixture.Month.Exact.ToList();
        var day = new DateOnly(2025, 4, 15);
        StatementLine Line(string id, SeededPayment p) => Statements.Line(id, day, p.Reference, p.Account, p.Amount.Fen);
        // Both start on the overlap so they race on it: 40-59 are the same bank transactions in both exports, 60-79 the
        // same payments under other transaction ids (the bank reported them twice).
        var first = Enumerable.Range(40, 40).Concat(Enumerable.Range(0, 40)).Select(i => Line($"A-{i}", payments[i]));
        var second = Enumerable.Range(40, 20).Select(i => Line($"A-{i}", payments[i]))
            .Concat(Enumerable.Range(60, payments.Count - 60).Select(i => Line($"B-{i}", payments[i])));

        var imports = await Task.WhenAll(
            Statements.Import(fixture.Finance, "a.csv", Statements.NumberedAsInAFile(first)),
            Statements.Import(fixture.Finance, "b.csv", Statements.NumberedAsInAFile(second)));

        Assert.Empty(await Scalars<string>("""
            select data->>'reference' from grants.events where type = 'payment_confirmed.v1' group by 1 having count(*) > 1
            """));
        var confirmed = await Scalars<string>("""
            select data->>'reference' from grants.events
            where type = 'payment_confirmed.v1' and data->>'treasury_reference' not like 'SEED-%'
            """);
        Assert.Equal(payments.Select(p => p.Reference).Order(StringComparer.Ordinal), confirmed.Order(StringComparer.Ordinal));
        Assert.Equal(payments.Count, imports.Sum(i => i.Confirmed));
        Assert.Equal(20, imports.Sum(i => i.AlreadyImported));
        Assert.Equal(20, imports.Sum(i => i.Outcomes.Count(o => o.Kind == ItemKind.DuplicatePayment && !o.AlreadyImported)));
        var lines = await Scalars<string>("select stream_id from grants.events where type = 'statement_line_reconciled.v1'");
        Assert.Equal(80 + (payments.Count - 60), lines.Count);
        Assert.Equal(lines.Count, lines.Distinct().Count());

        var report = await fixture.Auditor.GetReportAsync(new GetReportRequest());
        Assert.True(report.TieOut.Ok, string.Join("; ", report.TieOut.Differences));
    }

    private async Task<List<T>> Scalars<T>(string sql)
    {
        await using var command = fixture.Database.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<T>();
        while (await reader.ReadAsync())
            values.Add(reader.GetFieldValue<T>(0));
        return values;
    }
}
