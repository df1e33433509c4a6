using Grants.Cli.Connection;
using Grants.Cli.Measures;
using Grants.Cli.Output;
using Grants.Contracts.V1;
using Grpc.Core;

namespace Grants.Cli.Demo;

/// <summary>`grants demo`: fills a running server, through its API only, with applicants and applications of
/// policy HP-2024-3 in every lifecycle state across its bureaus.</summary>
internal sealed class DemoRun(GrantsConnection connection, TextWriter output, int seed)
{
    public const string PolicyId = "HP-2024-3";

    private readonly DemoClients _clients = DemoClients.Connect(connection);
    private readonly RequestIds _ids = new(seed);

    public async Task<int> Execute(int applications)
    {
        var policy = (await _clients.Admin.ListPoliciesAsync(new ListPoliciesRequest())).Policies
            .FirstOrDefault(p => p.PolicyId == PolicyId)
            ?? throw new CliException($"the server's catalog has no policy {PolicyId}", ExitCodes.Refused);
        var measures = await UsableMeasures();
        await output.WriteLineAsync($"Demo data for {PolicyId} {policy.TitleZh}: {applications} applications, seed {seed}, server {connection.Address}");

        var budgets = new DemoBudgets(_clients.Budgets, _ids);
        var finals = new List<(DemoCase Case, Application Application)>();
        for (var index = 0; index < applications; index++)
        {
            var demoCase = DemoPlan.Case(seed, index, measures);
            var lifecycle = new DemoLifecycle(_clients, budgets, _ids, demoCase);
            string applicationId;
            try
            {
                applicationId = await lifecycle.Run();
            }
            catch (RpcException e)
            {
                throw new CliException(
                    $"demo application {index} ({demoCase.Path}, {demoCase.Measure.Id}) refused at '{lifecycle.CurrentStep}': " +
                    RpcErrorText.Describe(e, connection.Address), RpcErrorText.ExitCode(e));
            }
            var application = (await _clients.Reader.GetApplicationAsync(new GetApplicationRequest { ApplicationId = applicationId })).Application;
            finals.Add((demoCase, application));
            await output.WriteLineAsync(
                $"{index + 1,4}/{applications}  {application.ApplicationId}  {EnumNames.Of(application.Status),-24} " +
                $"{demoCase.Measure.Id,-14} {demoCase.DecidingBureau,-8} {Yuan.Format(Amount(application)),16}  {demoCase.PayeeName}");
        }
        await output.WriteLineAsync();
        Summary(finals).Write(output);
        await output.WriteLineAsync();
        await output.WriteLineAsync("Look around: grants applications list | grants applications show ID | grants ledgers");
        return ExitCodes.Ok;
    }

    /// <summary>The policy's measures the demo can award under, after giving each measure whose cap a bureau rule
    /// sets (and nobody has set yet) a cap, as the responsible bureau would.</summary>
    private async Task<IReadOnlyList<DemoMeasure>> UsableMeasures()
    {
        var catalog = await MeasuresCommand.ReadAll(_clients.Admin, PolicyId, "");
        var awaiting = DemoMeasure.AwaitingBureauCap(catalog.Measures);
        foreach (var measure in awaiting)
        {
            var bureau = measure.ResponsibleBureauCodes[0];
            await _clients.Admin.ConfigureMeasureCapAsync(new ConfigureMeasureCapRequest
            {
                RequestId = _ids.BureauCap(measure.MeasureId),
                MeasureId = measure.MeasureId,
                BureauCode = bureau,
                // A person's exam-fee subsidy is small; an organisation's funding item larger.
                CapFen = measure.Limits.PerPerson || measure.EligibleApplicantKinds.Contains(ApplicantKind.Person) ? 1_000_000 : 50_000_000,
                RuleReference = $"DEMO-{bureau}-RULE-1（演示数据）",
                Officer = new Officer { Id = Officers.Approver(bureau, 0).First, BureauCode = bureau },
            });
        }
        if (awaiting.Count > 0)
            catalog = await MeasuresCommand.ReadAll(_clients.Admin, PolicyId, "");
        var usable = DemoMeasure.Usable(catalog.Measures);
        return usable.Count > 0 ? usable : throw new CliException($"{PolicyId} has no monetary measure with a cap in force", ExitCodes.Refused);
    }

    /// <summary>The award in force once approved, else what was requested.</summary>
    private static long Amount(Application application) =>
        application.Award?.CurrentAmountFen ?? application.RequestedAmountFen;

    private static Table Summary(IReadOnlyList<(DemoCase Case, Application Application)> finals)
    {
        var table = new Table(new Column("STATUS"), new Column("APPLICATIONS", Align.Right), new Column("BUREAUS"), new Column("MEASURES"));
        foreach (var group in finals.GroupBy(f => f.Application.Status).OrderBy(g => g.Key))
        {
            table.Add(EnumNames.Of(group.Key), group.Count().ToString(System.Globalization.CultureInfo.InvariantCulture),
                string.Join(",", group.Select(f => f.Case.DecidingBureau).Distinct().Order(StringComparer.Ordinal)),
                string.Join(",", group.Select(f => f.Case.Measure.Id.Replace(PolicyId + "/", "", StringComparison.Ordinal)).Distinct()
                    .OrderBy(a => a.Length).ThenBy(a => a, StringComparer.Ordinal)));
        }
        table.Totals("TOTAL", finals.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), "", "");
        return table;
    }
}
