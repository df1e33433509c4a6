using System.CommandLine;
using Grants.Cli.Connection;
using Grants.Cli.Output;
using Grants.Contracts.V1;
using Grpc.Core;

namespace Grants.Cli.Audit;

/// <summary>`grants audit verify [--digest digest.json] [--from N] [--to N] [--json]`: recompute the hash chain on the
/// server; exit 1 naming the first position that is missing or does not match.</summary>
internal static class VerifyCommand
{
    public static Command Build(CliContext cli)
    {
        var digest = new Option<string>("--digest") { Description = "A digest.json kept earlier: the chain must still reach it and match it" };
        var from = new Option<long>("--from") { Description = "First position to check (default 1: from the genesis)" };
        var to = new Option<long>("--to") { Description = "Last position to check (default: the head)" };
        var json = CliContext.JsonOption();
        var command = new Command("verify", "Recompute the hash chain and report the first position that does not match")
        {
            digest, from, to, json,
        };
        command.SetAction((parse, ct) => cli.Invoke(parse, ct, async run =>
        {
            var request = new VerifyRequest { FromPosition = run.Get(from), ToPosition = run.Get(to) };
            if (run.Get(digest) is { Length: > 0 } path)
                request.Digest = DigestFile.Read(path);
            var client = run.Connection.Client<AuditService.AuditServiceClient>(Roles.Reader);
            var progress = new Progress(run.Error, "verify");
            VerifyResult? result = null;
            using var call = client.Verify(request);
            await foreach (var update in call.ResponseStream.ReadAllAsync(run.CancellationToken))
            {
                if (update.Progress is { } p)
                    progress.Report(p.Phase, p.Done, p.Total, force: p.Done == p.Total);
                result = update.Result ?? result;
            }
            if (result is null)
                throw new CliException("the server ended the verification without a result", ExitCodes.Unavailable);

            if (run.Get(json))
                JsonOutput.Write(run.Out, result);
            else
                await run.Out.WriteLineAsync(Describe(result, request.Digest));
            return result.Ok ? ExitCodes.Ok : ExitCodes.Refused;
        }));
        return command;
    }

    private static string Describe(VerifyResult result, Digest? digest) => result.Ok
        ? $"OK: the chain verifies through position {result.CheckedThrough:N0}" +
          (digest is null ? "" : $", and matches the digest kept for position {digest.Position:N0}") +
          $"; head {result.Head.Position:N0} {result.Head.Hash}"
        : $"MISMATCH at position {result.FirstBadPosition}: {result.Problem} (verified through {result.CheckedThrough:N0})";
}
