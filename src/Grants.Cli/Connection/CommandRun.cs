using System.CommandLine;
using Grants.Cli.Output;
using Grpc.Core;

namespace Grants.Cli.Connection;

/// <summary>One invocation of a command: its parse result, output writers and connection.</summary>
public sealed class CommandRun
{
    private CommandRun(ParseResult parse, GrantsConnection connection, CancellationToken ct)
    {
        Parse = parse;
        Connection = connection;
        CancellationToken = ct;
    }

    public ParseResult Parse { get; }
    public GrantsConnection Connection { get; }
    public CancellationToken CancellationToken { get; }
    public TextWriter Out => Parse.InvocationConfiguration.Output;
    public TextWriter Error => Parse.InvocationConfiguration.Error;

    public T Get<T>(Option<T> option) => Parse.GetValue(option)!;
    public T Get<T>(Argument<T> argument) => Parse.GetValue(argument)!;

    internal static async Task<int> Execute(CliContext cli, ParseResult parse, CancellationToken ct, Func<CommandRun, Task<int>> body)
    {
        var error = parse.InvocationConfiguration.Error;
        Uri? address = null;
        try
        {
            address = cli.ServerAddress(parse);
            using var connection = new GrantsConnection(address, () => ApiKeys.Resolve(cli.Environment), CliContext.CallTimeout, ct);
            return await body(new CommandRun(parse, connection, ct));
        }
        // Ctrl+C cancels the token, which ends a streaming call at once with CANCELLED: the user stopped the command,
        // the server refused nothing. Without this the command would print a refusal and exit 1, and System.CommandLine
        // returns 130 only for an action that does not end by itself within its termination timeout.
        catch (Exception e) when (ct.IsCancellationRequested && e is OperationCanceledException or RpcException { StatusCode: StatusCode.Cancelled })
        {
            return ExitCodes.Interrupted;
        }
        catch (RpcException e)
        {
            await error.WriteLineAsync("grants: " + RpcErrorText.Describe(e, address));
            return RpcErrorText.ExitCode(e);
        }
        catch (CliException e)
        {
            await error.WriteLineAsync("grants: " + e.Message);
            return e.ExitCode;
        }
    }
}
