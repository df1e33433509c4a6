using System.CommandLine;
using Grants.Cli.Connection;
using Grants.Contracts.V1;
using Grpc.Core;

namespace Grants.Cli.Audit;

/// <summary>`grants audit export [--from N] [--to N] [--follow] [filters] > events.jsonl`: the event log as JSON Lines,
/// one event a line, in global order (format in docs/AUDIT.md). Progress goes to standard error.</summary>
internal static class ExportCommand
{
    public static Command Build(CliContext cli)
    {
        var from = new Option<long>("--from") { Description = "First position to export (default 1)", DefaultValueFactory = _ => 1 };
        var to = new Option<long>("--to") { Description = "Last position to export (default: the head when the export starts)" };
        var follow = new Option<bool>("--follow") { Description = "Keep going with each new event as it commits, until Ctrl+C" };
        var stream = new Option<string>("--stream") { Description = "Only this stream, e.g. application-HP-2025-000123" };
        var types = new Option<string[]>("--type") { Description = "Only these event types (repeatable), e.g. award_approved.v1" };
        var bureau = new Option<string>("--bureau") { Description = "Only events naming this bureau (paying, approving, deciding, appropriation)" };
        var command = new Command("export", "Write the event log as JSON Lines with positions, hashes and previous hashes")
        {
            from, to, follow, stream, types, bureau,
        };
        command.SetAction((parse, ct) => cli.Invoke(parse, ct, async run =>
        {
            var client = run.Connection.Client<AuditService.AuditServiceClient>(Roles.Reader);
            var request = new StreamEventsRequest
            {
                FromPosition = run.Get(from),
                ToPosition = run.Get(to),
                Follow = run.Get(follow),
                StreamId = run.Get(stream) ?? "",
                BureauCode = run.Get(bureau) ?? "",
            };
            request.EventTypes.AddRange(run.Get(types) ?? []);
            // The head tells how far a bounded export will go, for the progress line.
            var last = request.ToPosition > 0 ? request.ToPosition : (await client.GetDigestAsync(new GetDigestRequest())).Position;
            var progress = new Progress(run.Error, "export");
            long written = 0, position = request.FromPosition - 1;
            using var call = client.StreamEvents(request);
            // A followed export runs until Ctrl+C, which ends the process (exit 130) wherever it is.
            await foreach (var e in call.ResponseStream.ReadAllAsync(run.CancellationToken))
            {
                await run.Out.WriteAsync(ExportLine.Of(e) + "\n");
                written++;
                position = e.Position;
                progress.Report($"{written:N0} events written, position", position, request.Follow ? 0 : last);
            }
            await run.Out.FlushAsync(CancellationToken.None);
            // Nothing from a start beyond the head: say so, not "through position" one before the start.
            if (written == 0)
                progress.Report("done, no events from position", request.FromPosition, 0, force: true);
            else
                progress.Report($"done, {written:N0} events written through position", position, 0, force: true);
            return ExitCodes.Ok;
        }));
        return command;
    }
}
