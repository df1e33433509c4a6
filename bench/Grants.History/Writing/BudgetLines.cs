using System.Globalization;
using Grants.Domain;
using Grants.Domain.Budgets;
using Grants.Domain.Budgets.AdjustingAppropriations;
using Grants.Domain.Budgets.Appropriating;
using Grants.Domain.Catalog;
using Grants.EventStore;
using Grants.History.Setup;

namespace Grants.History.Writing;

/// <summary>The budget lines one writer pays from (its measures × fiscal years; writers never share a measure, so
/// never a line). Approvals reserve money here before their append, and a line about to run short gets a mid-year
/// supplementary appropriation first (预算追加), so the ledger never has to refuse. Only money this writer
/// appropriated is counted as headroom: whatever others committed on the same line is covered by theirs.</summary>
public sealed class BudgetLines(Appender appender, PolicyCatalog catalog)
{
    /// <summary>An opening appropriation of 60 maximum awards; a top-up adds as much again.</summary>
    private const int AwardsPerAppropriation = 60;

    private readonly Dictionary<BudgetKey, Line> _lines = [];
    private readonly SemaphoreSlim _gate = new(1, 1);

    private sealed class Line(BudgetState state, long version, Money cap)
    {
        public BudgetState State { get; set; } = state;
        public long Version { get; set; } = version;
        public Money Cap { get; } = cap;
        public Money Mine { get; set; }
        public Money Reserved { get; set; }
    }

    public int Appropriations { get; private set; }

    public async Task Open(IEnumerable<AwardMeasure> measures, CancellationToken ct)
    {
        foreach (var measure in measures)
        {
            foreach (var year in measure.FiscalYears)
            {
                var key = new BudgetKey(measure.PayingBureau, year, measure.Id);
                var (state, version) = await Load(key, ct);
                var line = new Line(state, version, measure.Cap);
                _lines[key] = line;
                var amount = new Money(checked(measure.Cap.Fen * AwardsPerAppropriation));
                await Decide(line, new Appropriate(key, amount, $"{year}年度金融科技专项资金预算安排",
                    Document(key, year, "预"), new DateOnly(year, 1, 6)), ct);
            }
        }
    }

    /// <summary>Sets aside <paramref name="amount"/> on the line for an approval (or a raise) dated <paramref name="on"/>.</summary>
    public async Task Reserve(BudgetKey key, Money amount, DateOnly on, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var line = _lines[key];
            while (line.Reserved + amount > line.Mine)
            {
                var topUp = new Money(checked(line.Cap.Fen * AwardsPerAppropriation));
                await Decide(line, new AdjustAppropriation(key, topUp, "年中预算追加：申报项目超出年初安排",
                    Document(key, on.Year, "追"), on), ct);
            }
            line.Reserved += amount;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task Decide(Line line, IBudgetCommand command, CancellationToken ct)
    {
        var result = BudgetDecider.Decide(command, line.State, catalog);
        if (result is Result.Fail fail)
            throw new InvalidOperationException($"the budget decider refused {command.GetType().Name} on {command.Budget}: {fail.Error.Message}");
        var events = result.EventsOrEmpty;
        var appended = await appender.Append(
            [new StreamAppend(command.Budget.StreamId, StreamIds.BudgetType, line.Version, [.. events])], null, ct);
        line.Version = appended.StreamVersions[command.Budget.StreamId];
        foreach (var e in events)
        {
            line.State = BudgetDecider.Evolve(line.State, e);
            line.Mine += e switch
            {
                AppropriationMade made => made.Amount,
                AppropriationAdjusted adjusted => adjusted.Delta,
                _ => Money.Zero,
            };
        }
        Appropriations++;
    }

    private async Task<(BudgetState State, long Version)> Load(BudgetKey key, CancellationToken ct)
    {
        var state = BudgetState.Initial;
        long version = 0;
        await foreach (var stored in appender.Store.ReadStream(key.StreamId, ct: ct))
        {
            if (stored.Data is IDomainEvent e)
                state = BudgetDecider.Evolve(state, e);
            version = stored.Version;
        }
        return (state, version);
    }

    // e.g. "HP-STC财预〔2025〕3号": the budget document cited, numbered per writer.
    private string Document(BudgetKey key, int year, string kind) =>
        string.Create(CultureInfo.InvariantCulture, $"{key.Bureau.Value}财{kind}〔{year}〕{Appropriations + 1}号");
}
