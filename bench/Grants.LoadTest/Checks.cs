using Grants.Contracts.V1;
using Grpc.Core;

namespace Grants.LoadTest;

/// <summary>After the load: no ledger may have committed and paid more than was appropriated, and the live ledgers
/// must equal a replay of the events (AuditService.RebuildCompare rebuilds every projection in a shadow database).</summary>
public static class Checks
{
    public sealed record Outcome(int Ledgers, int OverLimit, bool Identical, long DifferenceCount, long EventsReplayed, double EventsPerSecond);

    public static async Task<Outcome> Run(Callers callers)
    {
        var ledgers = new List<Ledger>();
        var token = "";
        do
        {
            var page = await callers.Budgets.ListLedgersAsync(new ListLedgersRequest { PageSize = 200, PageToken = token });
            ledgers.AddRange(page.Ledgers);
            token = page.NextPageToken;
        } while (token.Length > 0);
        var over = ledgers.Count(l => l.CommittedFen + l.PaidFen > l.AppropriatedFen);

        RebuildCompareResult? result = null;
        using var call = callers.Audit.RebuildCompare(new RebuildCompareRequest { MaxDifferences = 20 }, deadline: DateTime.UtcNow.AddMinutes(30));
        await foreach (var update in call.ResponseStream.ReadAllAsync())
        {
            if (update.UpdateCase == RebuildCompareUpdate.UpdateOneofCase.Result)
                result = update.Result;
        }
        if (result is null)
            throw new InvalidOperationException("RebuildCompare ended without a result");
        foreach (var d in result.Differences.Take(10))
            Console.Error.WriteLine($"loadtest: differs ({d.Source}) {d.Table} [{d.Key}] {d.Column}: live {d.Live} rebuilt {d.Rebuilt}");
        return new Outcome(ledgers.Count, over, result.Identical, result.DifferenceCount, result.EventsReplayed, result.EventsPerSecond);
    }
}
