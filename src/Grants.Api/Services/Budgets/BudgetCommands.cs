using Google.Protobuf;
using Grants.Api.Commands;
using Grants.Api.Errors;
using Grants.Api.Idempotency;
using Grants.Domain;
using Grants.Domain.Budgets;
using Grants.Domain.Catalog;
using Grants.EventStore;
using Grants.Projections.Ledgers;
using Grants.Projections.Queries;
using V1 = Grants.Contracts.V1;

namespace Grants.Api.Services.Budgets;

/// <summary>Runs a budget command through <see cref="CommandRunner"/> and answers with the ledger as the append's own
/// transaction left it: the inline projection has just moved it, so the response shows exactly this command's effect
/// together with every commitment made before it, not a read racing other writers afterwards.</summary>
public sealed class BudgetCommands(CommandRunner runner)
{
    public async Task<TResponse> Run<TResponse>(BudgetKey key, IBudgetCommand command, PolicyCatalog catalog,
        IdempotentWrite<TResponse> write, Func<V1.Ledger, TResponse> respond)
        where TResponse : IMessage<TResponse>
    {
        TResponse? response = default;
        var recording = write.Recording(_ => response!);
        var options = recording with
        {
            BeforeCommit = async (connection, transaction, events, ct) =>
            {
                var row = await LedgerQueries.Find(connection, transaction, key, ct)
                          ?? throw new InvalidOperationException($"The ledger of {key} is missing after its own append.");
                response = respond(row.ToMessage());
            },
            LateWritesFirst = true,
        };

        try
        {
            await runner.Run(Streams.Budget(key), state => Task.FromResult(Decide(key, command, state, catalog)),
                write.Metadata, options, write.CancellationToken);
        }
        catch (CommandRefusedException refused)
        {
            throw refused.Error.ToApiError($"budget {key}").ToRpcException();
        }
        catch (LedgerRefusedException refused) when (refused.Error.Code == LedgerErrorCodes.AppropriationExceeded)
        {
            // The ledger's refusal names the line, what is committed and paid, and the largest possible cut: a limit.
            throw ApiError.LimitBreached(LimitNames.Appropriation(key), refused.Error.Message).ToRpcException();
        }

        return response!;
    }

    private static Result Decide(BudgetKey key, IBudgetCommand command, BudgetState state, PolicyCatalog catalog) =>
        command is Domain.Budgets.AdjustingAppropriations.AdjustAppropriation && !state.Exists
            ? throw ApiError.NotFound("budget", key.ToString()).ToRpcException()
            : BudgetDecider.Decide(command, state, catalog);
}
