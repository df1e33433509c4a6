using System.CommandLine;
using Grants.Cli.Connection;
using Grants.Cli.Output;
using Grants.Contracts.V1;
using Grpc.Core;

namespace Grants.Cli.Audit;

/// <summary>`grants audit rebuild-compare [--keep-shadow] [--max-differences N] [--json]`: the server rebuilds every
/// projection from the events into a shadow schema and compares; exit 1 on any difference.</summary>
internal static class RebuildCompareCommand
{
    public static Command Build(CliContext cli)
    {
        var keep = new Option<bool>("--keep-shadow") { Description = "Keep the shadow schema for inspection (its name is printed; drop it with: drop schema NAME cascade)" };
        var max = new Option<int>("--max-differences") { Description = "List at most this many differences (default 100)" };
        var json = CliContext.JsonOption();
        var command = new Command("rebuild-compare", "Rebuild every projection from the events into a shadow schema and diff it against the live tables")
        {
            keep, max, json,
        };
        command.SetAction((parse, ct) => cli.Invoke(parse, ct, async run =>
        {
            var client = run.Connection.Client<AuditService.AuditServiceClient>(Roles.Reader);
            var progress = new Progress(run.Error, "rebuild-compare");
            RebuildCompareResult? result = null;
            using var call = client.RebuildCompare(new RebuildCompareRequest { KeepShadow = run.Get(keep), MaxDifferences = run.Get(max) });
            await foreach (var update in call.ResponseStream.ReadAllAsync(run.CancellationToken))
            {
                if (update.Progress is { } p)
                    progress.Report(p.Phase, p.Done, p.Total);
                result = update.Result ?? result;
            }
            if (result is null)
                throw new CliException("the server ended the comparison without a result", ExitCodes.Unavailable);

            if (run.Get(json))
                JsonOutput.Write(run.Out, result);
            else
                Write(run.Out, result);
            return result.Identical ? ExitCodes.Ok : ExitCodes.Refused;
        }));
        return command;
    }

    private static void Write(TextWriter output, RebuildCompareResult result)
    {
        output.WriteLine($"Replayed {result.EventsReplayed:N0} events through position {result.Position:N0} " +
                         $"({result.EventsPerSecond:N0} events/s) and compared: {string.Join(", ", result.Tables)}.");
        if (result.ShadowDatabase.Length > 0)
            output.WriteLine($"Shadow schema kept: {result.ShadowDatabase}");
        if (result.Identical)
        {
            output.WriteLine("IDENTICAL: every projection rebuilt from the events equals the live tables.");
            return;
        }
        output.WriteLine($"DIFFERENT: {result.DifferenceCount:N0} difference(s){(result.DifferenceCount > result.Differences.Count ? $", the first {result.Differences.Count} listed" : "")}.");
        var table = new Table(new Column("SOURCE"), new Column("TABLE"), new Column("KEY"), new Column("COLUMN"), new Column("LIVE"), new Column("REBUILT"));
        foreach (var d in result.Differences)
            table.Add(d.Source, d.Table, d.Key, d.Column.Length > 0 ? d.Column : "(row)", Cell(d.Live), Cell(d.Rebuilt));
        table.Write(output);
    }

    /// <summary>Whole rows are long; the table shows their start (--json has them in full).</summary>
    private static string Cell(string value) =>
        value.Length == 0 ? "(missing)" : value.Length <= MaxCell ? value : value[..(MaxCell - 1)] + "…";

    private const int MaxCell = 80;
}
