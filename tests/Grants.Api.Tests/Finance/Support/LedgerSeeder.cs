using Grants.Api.Commands;
using Grants.Domain;
using Grants.Domain.Applicants;
using Grants.Domain.Applicants.Identity;
using Grants.Domain.Applicants.Registering;
using Grants.Domain.Applications;
using Grants.Domain.Budgets;
using Grants.Domain.Budgets.Appropriating;
using Grants.Domain.Catalog;
using Grants.EventStore;
using Microsoft.Extensions.DependencyInjection;
using ApplicationId = Grants.Domain.ApplicationId;

namespace Grants.Api.Tests.Finance.Support;

/// <summary>Builds history fast for finance tests: every command goes through the real deciders, but a whole
/// application's road (submit … instruct) is decided in memory and many applications are appended in one multi-stream
/// append, so a month of a thousand payments takes a few appends instead of thousands of calls. The ledgers still run
/// inline and would refuse anything the API would.</summary>
internal sealed class LedgerSeeder(PostgresEventStore store, PolicyCatalog catalog)
{
    private readonly Dictionary<ApplicantId, ApplicantState> _applicants = [];

    public static async Task<LedgerSeeder> For(Infrastructure.GrantsServer server) =>
        new(server.App.Services.GetRequiredService<PostgresEventStore>(),
            await server.App.Services.GetRequiredService<CatalogState>().Current(CancellationToken.None));

    public PostgresEventStore Store => store;

    public async Task RegisterEnterprises(int count)
    {
        var appends = new List<StreamAppend>();
        for (var n = 1; n <= count; n++)
        {
            var id = Applicant(n);
            var first17 = $"91310101{n:D9}";
            var command = new RegisterEnterprise(id, first17 + UnifiedSocialCreditCode.CheckCharacter(first17), $"测试金融科技有限公司{n}",
                ApplicantKind.FintechEnterprise, "黄浦区", new DateOnly(2025, 2, 3));
            var events = Decided(ApplicantDecider.Decide(command, ApplicantState.Initial));
            _applicants[id] = events.Aggregate(ApplicantState.Initial, ApplicantDecider.Evolve);
            appends.Add(new StreamAppend(id.StreamId, StreamIds.ApplicantType, ExpectedVersion.NoStream, [.. events]));
        }
        await Append(appends);
    }

    public async Task Appropriate(BudgetKey line, Money amount)
    {
        var events = Decided(BudgetDecider.Decide(new Appropriate(line, amount, "年度预算安排", "黄财预〔2025〕1号", new DateOnly(2025, 1, 15)),
            BudgetState.Initial, catalog));
        await Append([new StreamAppend(line.StreamId, StreamIds.BudgetType, ExpectedVersion.NoStream, [.. events])]);
    }

    /// <summary>One new application's whole road, decided in memory: the append for its stream.</summary>
    public StreamAppend Road(ApplicationId id, ApplicantId applicant, IEnumerable<IApplicationCommand> commands)
    {
        var context = new ApplicationContext(catalog, _applicants[applicant]);
        var state = ApplicationState.Initial;
        var events = new List<object>();
        foreach (var command in commands)
        {
            foreach (var e in Decided(ApplicationDecider.Decide(command, state, context)))
            {
                state = ApplicationDecider.Evolve(state, e);
                events.Add(e);
            }
        }
        return new StreamAppend(id.StreamId, StreamIds.ApplicationType, ExpectedVersion.NoStream, events);
    }

    /// <summary>Appends in batches of <paramref name="batch"/> streams, each batch one transaction.</summary>
    public async Task Append(IReadOnlyList<StreamAppend> appends, int batch = 100)
    {
        foreach (var chunk in appends.Chunk(batch))
            await store.Append(chunk, new EventMetadata("test:finance-seed", Guid.NewGuid().ToString("N")));
    }

    public static ApplicantId Applicant(int n) => new($"ent-{n:D4}");

    private static IReadOnlyList<IDomainEvent> Decided(Result result) =>
        result is Result.Fail fail ? throw new InvalidOperationException($"seed command refused: {fail.Error}") : result.EventsOrEmpty;
}
