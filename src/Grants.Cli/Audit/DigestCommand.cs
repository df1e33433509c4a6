using System.CommandLine;
using Grants.Cli.Connection;
using Grants.Contracts.V1;

namespace Grants.Cli.Audit;

/// <summary>`grants audit digest > digest.json`: the chain head (position and hash) to keep outside the system.</summary>
internal static class DigestCommand
{
    public static Command Build(CliContext cli)
    {
        var command = new Command("digest", "Print the head of the hash chain (position and hash) as JSON, to keep outside the system");
        command.SetAction((parse, ct) => cli.Invoke(parse, ct, async run =>
        {
            var client = run.Connection.Client<AuditService.AuditServiceClient>(Roles.Reader);
            var digest = await client.GetDigestAsync(new GetDigestRequest());
            await run.Out.WriteLineAsync(DigestFile.Format(digest));
            return ExitCodes.Ok;
        }));
        return command;
    }
}
