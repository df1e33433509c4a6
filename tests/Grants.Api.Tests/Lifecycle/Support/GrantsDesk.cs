using Grants.Api.Auth;
using Grants.Api.Commands;
using Grants.Api.Tests.Infrastructure;
using Grants.Domain;
using Grants.Domain.Applicants;
using Grants.Domain.Applicants.FlaggingCredit;
using Grants.Domain.Applicants.Identity;
using Grants.Domain.Applicants.Registering;
using Grants.Domain.Budgets;
using Grants.Domain.Budgets.Appropriating;
using Grants.Domain.Catalog;
using Grants.EventStore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using GetLedgerRequest = Grants.Contracts.V1.GetLedgerRequest;
using ApplicationServiceClient = Grants.Contracts.V1.ApplicationService.ApplicationServiceClient;
using BudgetServiceClient = Grants.Contracts.V1.BudgetService.BudgetServiceClient;
using ClawbackServiceClient = Grants.Contracts.V1.ClawbackService.ClawbackServiceClient;
using DisbursementServiceClient = Grants.Contracts.V1.DisbursementService.DisbursementServiceClient;

namespace Grants.Api.Tests.Lifecycle.Support;

/// <summary>What the scenarios need around the API under test: clients per calling system, and the givens (applicants,
/// appropriations, credit flags) put in through the server's own command path, so these tests do not depend on the
/// services that own them. Ledgers are read through BudgetService, the event count straight from the database.</summary>
public sealed partial class GrantsDesk(GrantsServer server, NpgsqlDataSource db)
{
    private static int _applicants;

    public ApplicationServiceClient Portal => server.Client<ApplicationServiceClient>(Roles.ApplicantPortal);
    public ApplicationServiceClient Assessors => server.Client<ApplicationServiceClient>(Roles.Assessor);
    public ApplicationServiceClient Approvers => server.Client<ApplicationServiceClient>(Roles.Approver);
    public ApplicationServiceClient Auditors => server.Client<ApplicationServiceClient>(Roles.Auditor);
    public DisbursementServiceClient Treasury => server.Client<DisbursementServiceClient>(Roles.Finance);
    public ClawbackServiceClient Clawbacks => server.Client<ClawbackServiceClient>(Roles.Finance);
    public ClawbackServiceClient ApproverClawbacks => server.Client<ClawbackServiceClient>(Roles.Approver);
    public BudgetServiceClient Budgets => server.Client<BudgetServiceClient>(Roles.Finance);

    /// <summary>A registered fintech enterprise (eligible under HP-2024-3 art.1 and art.3) with a valid 统一社会信用代码.</summary>
    public async Task<string> RegisterEnterprise(ApplicantKind kind = ApplicantKind.FintechEnterprise)
    {
        var n = Interlocked.Increment(ref _applicants);
        var id = new ApplicantId($"ENT-{n:00000}");
        var first17 = $"91310101{n:000000000}";
        var code = first17 + UnifiedSocialCreditCode.CheckCharacter(first17);
        var command = new RegisterEnterprise(id, code, $"上海测试金融科技有限公司{n}", kind, "黄浦区", new DateOnly(2025, 5, 1));
        await Run(Streams.Applicant(id), s => ApplicantDecider.Decide(command, s));
        return id.Value;
    }

    public Task Appropriate(string bureau, int fiscalYear, string measure, Money amount)
    {
        var key = new BudgetKey(new BureauCode(bureau), fiscalYear, new MeasureId(measure));
        var command = new Appropriate(key, amount, "annual budget", $"黄财预〔{fiscalYear}〕1号", new DateOnly(fiscalYear, 1, 15));
        var catalog = server.App.Services.GetRequiredService<CatalogState>().Latest;
        return Run(Streams.Budget(key), s => BudgetDecider.Decide(command, s, catalog));
    }

    /// <summary>The credit registry lists the applicant as 严重违法失信.</summary>
    public Task Flag(string applicant)
    {
        var id = new ApplicantId(applicant);
        var command = new FlagCredit(id, $"CR-{applicant}", "严重违法失信 listing", new DateOnly(2025, 6, 2));
        return Run(Streams.Applicant(id), s => ApplicantDecider.Decide(command, s));
    }

    /// <summary>The budget line as BudgetService.GetLedger reports it (its available amount checked against the others).</summary>
    public async Task<BudgetLine> Ledger(string bureau, int fiscalYear, string measure)
    {
        var ledger = (await Budgets.GetLedgerAsync(new GetLedgerRequest { BureauCode = bureau, FiscalYear = fiscalYear, MeasureId = measure })).Ledger;
        var line = new BudgetLine(ledger.AppropriatedFen, ledger.CommittedFen, ledger.PaidFen, ledger.RecoveredFen);
        Assert.Equal(line.Available, ledger.AvailableFen);
        return line;
    }

    public async Task<long> EventCount(string? type = null)
    {
        await using var command = db.CreateCommand("select count(*) from grants.events where $1::text is null or type = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)type ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>How many award_approved events name this application.</summary>
    public async Task<long> ApprovalsOf(string applicationId)
    {
        await using var command = db.CreateCommand(
            "select count(*) from grants.events where type = 'award_approved.v1' and data->>'application_id' = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = applicationId });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task Run<TState>(StreamSpec<TState> stream, Func<TState, Result> decide)
    {
        var runner = server.App.Services.GetRequiredService<CommandRunner>();
        await runner.Run(stream, s => Task.FromResult(decide(s)), new EventMetadata("test-setup", $"setup-{Guid.NewGuid():N}"), null, default);
    }
}

/// <summary>A budget line in fen.</summary>
public sealed record BudgetLine(long Appropriated, long Committed, long Paid, long Recovered)
{
    public long Available => Appropriated - Committed - Paid;
}
