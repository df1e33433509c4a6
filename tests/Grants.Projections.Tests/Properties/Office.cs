using Grants.Domain;
using Grants.Domain.Applications;
using Grants.Domain.Budgets;
using Grants.EventStore;
using Grants.Projections.Ledgers;
using Grants.Projections.Tests.Support;

namespace Grants.Projections.Tests.Properties;

/// <summary>Turns random steps into real commands through the deciders and the store, over a small slice of file 000:
/// two budget lines (art.1 and art.18, 区投促办 FY2025), two fintech enterprises, one person nominated by two employers
/// and another person. Every run brings its own applicants and applications (numbered by run), so runs can share one
/// database; the budget lines are shared, and each run starts by setting what is available on them.</summary>
internal sealed partial class Office(CommandDesk desk, int run)
{
    private static readonly (BudgetKey Line, long AvailableYuan)[] Budgets = [(Lines.Art1Fy2025, 400_000), (Lines.Art18Fy2025, 1_500_000)];

    private readonly (ApplicantId Id, bool Person)[] _applicants =
    [
        (new($"r{run}-ent-1"), false), (new($"r{run}-ent-2"), false),
        (new($"r{run}-talent-via-ent-1"), true), (new($"r{run}-talent-via-ent-2"), true), (new($"r{run}-talent-2"), true),
    ];

    private readonly Dictionary<ApplicationId, ApplicationState> _applications = [];
    private DateOnly _today = new(2025, 2, 3);

    /// <summary>How each step ended: the event type filed, or the refusal code (ledger refusals prefixed "ledger:").</summary>
    public List<string> Outcomes { get; } = [];

    public static async Task<Office> Open(LedgerDatabase world, int run)
    {
        var office = new Office(world.Desk, run);
        var (e1, e2, person1, person2) = ((run * 10) + 1, (run * 10) + 2, Parties.Person((run * 10) + 1), Parties.Person((run * 10) + 2));
        await world.Desk.RegisterEnterprise(office._applicants[0].Id, e1);
        await world.Desk.RegisterEnterprise(office._applicants[1].Id, e2);
        await world.Desk.RegisterPerson(office._applicants[2].Id, person1, employer: e1);
        await world.Desk.RegisterPerson(office._applicants[3].Id, person1, employer: e2);
        await world.Desk.RegisterPerson(office._applicants[4].Id, person2, employer: e2);
        foreach (var (line, available) in Budgets)
            await office.MakeAvailable(world, line, Lines.Yuan(available));
        return office;
    }

    public async Task Run(Step step)
    {
        _today = _today.AddDays(step.Days);
        try
        {
            var filed = await File(step);
            Outcomes.Add(filed is { Count: > 0 } ? filed[^1].EventType : $"skipped:{step.Kind}");
        }
        catch (CommandRefusedException e)
        {
            Outcomes.Add(e.Error.Code);
        }
        catch (LedgerRefusedException e)
        {
            Outcomes.Add($"ledger:{e.Error.Code}");
        }
    }

    private Task<IReadOnlyList<StoredEvent>?> File(Step step) => step.Kind switch
    {
        StepKind.Appropriate or StepKind.Adjust => Budget(step),
        StepKind.Submit => Submit(step),
        StepKind.Flag or StepKind.Clear => Standing(step),
        _ => OnApplication(step),
    };

    private async Task<IReadOnlyList<StoredEvent>?> Application(IApplicationCommand command)
    {
        var filed = await desk.File(command);
        _applications[command.ApplicationId] = filed.State;
        return filed.Events;
    }

    private static Money Part(Money whole, int size, int parts) =>
        Money.Max(new Money(1), new Money(whole.Fen * ((size % parts) + 1) / parts));
}
