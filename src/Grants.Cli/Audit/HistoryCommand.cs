using System.CommandLine;
using System.Globalization;
using Grants.Cli.Connection;
using Grants.Cli.Output;
using Grants.Contracts.V1;

namespace Grants.Cli.Audit;

/// <summary>`grants audit history ID [--json]`: every event of one application, with who recorded it and its hash.</summary>
internal static class HistoryCommand
{
    public static Command Build(CliContext cli)
    {
        var id = new Argument<string>("id") { Description = "The application's id, e.g. HP-2025-000123" };
        var json = CliContext.JsonOption();
        var command = new Command("history", "Every event of one application, oldest first, with actor and chain hash") { id, json };
        command.SetAction((parse, ct) => cli.Invoke(parse, ct, async run =>
        {
            var client = run.Connection.Client<AuditService.AuditServiceClient>(Roles.Reader);
            var history = await client.GetApplicationHistoryAsync(new GetApplicationHistoryRequest { ApplicationId = run.Get(id) });
            if (run.Get(json))
            {
                JsonOutput.Write(run.Out, history);
                return ExitCodes.Ok;
            }
            var table = new Table(new Column("VERSION", Align.Right), new Column("POSITION", Align.Right), new Column("RECORDED"),
                new Column("TYPE"), new Column("ACTOR"), new Column("HASH"));
            foreach (var e in history.Events)
            {
                table.Add(e.Version.ToString(CultureInfo.InvariantCulture), e.Position.ToString(CultureInfo.InvariantCulture),
                    Dates.TimeOf(e.RecordedAt), e.Type, e.Metadata.Actor, e.Hash[..16]);
            }
            table.Write(run.Out);
            return ExitCodes.Ok;
        }));
        return command;
    }
}
