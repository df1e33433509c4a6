using Grants.Api.Errors;
using Grants.Contracts.V1;
using Grants.Domain;
using Grants.EventStore;
using Grants.Projections.Finance.Instructions;
using Grants.Projections.Finance.Statements;
using Grants.Projections.Ledgers;
using Npgsql;
using LineKind = Grants.Projections.Finance.Statements.LineKind;
using StatementLine = Grants.Projections.Finance.Statements.StatementLine;

namespace Grants.Api.Services.Reconciliation;

/// <summary>Applies a checked statement line by line. Each line is one append: its own stream
/// "statement-line-{bank transaction id}" created with ExpectedVersion.NoStream, plus the application event when the
/// line confirms, returns or repays, at the version the decision read. So a bank transaction is used once however
/// many imports race (the loser of the line stream skips it), and a tranche is confirmed once (the loser of the
/// application stream decides again, and now sees it paid).</summary>
public sealed class StatementImporter(PostgresEventStore store, LineMatcher matcher, StatementLineQueries lines)
{
    /// <summary>Conflicts are retried with fresh state; this many in a row for one line means something is hammering
    /// the application, and the caller gets ABORTED (a re-import finishes the statement).</summary>
    private const int MaxAttempts = 10;

    public async Task<LineOutcome> Apply(StatementLine line, ReceivedStatement statement, string actor, CancellationToken ct)
    {
        var metadata = new EventMetadata(actor, line.BankTransactionId, statement.RequestId, line.BankTransactionId);
        ConcurrencyException? lastConflict = null;
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var plan = await matcher.Plan(line, ct);
            try
            {
                try
                {
                    await Append(plan, metadata, ct);
                }
                catch (LedgerRefusedException refused)
                {
                    plan = plan.Refused(refused.Error.Message);
                    await Append(plan, metadata, ct);
                }
                return Outcome(line, plan.Record.Kind, false, plan.Record.Detail);
            }
            catch (ConcurrencyException conflict) when (conflict.StreamId == StatementStreams.Of(line.BankTransactionId))
            {
                return await ImportedMeanwhile(line, ct);
            }
            catch (ConcurrencyException conflict)
            {
                lastConflict = conflict;
            }
            catch (PayableChangedException)
            {
                lastConflict = new ConcurrencyException(plan.Consulted!.StreamId, plan.Consulted.Version, plan.Consulted.Version);
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure)
            {
                lastConflict = new ConcurrencyException(StatementStreams.Of(line.BankTransactionId), ExpectedVersion.NoStream, 0);
            }
        }
        throw DomainErrors.Aborted(lastConflict!);
    }

    public static LineOutcome Outcome(StatementLine line, LineKind kind, bool alreadyImported, string detail) => new()
    {
        LineNumber = line.LineNumber,
        BankTransactionId = line.BankTransactionId,
        Kind = ItemMessages.Kind(kind),
        AlreadyImported = alreadyImported,
        Detail = detail,
    };

    private async Task<LineOutcome> ImportedMeanwhile(StatementLine line, CancellationToken ct)
    {
        var row = (await lines.Find([line.BankTransactionId], ct))[line.BankTransactionId];
        return Outcome(line, row.Kind, true, row.Detail);
    }

    private async Task Append(LinePlan plan, EventMetadata metadata, CancellationToken ct)
    {
        var line = plan.Record.Line;
        List<StreamAppend> appends = [new(StatementStreams.Of(line.BankTransactionId), StatementStreams.Type, ExpectedVersion.NoStream, [plan.Record])];
        if (plan.Event is { } @event)
            appends.Add(new StreamAppend(plan.Consulted!.StreamId, StreamIds.ApplicationType, plan.Consulted.Version, [@event]));
        await store.Append(appends, metadata, new AppendOptions((c, t, _, token) => Recheck(c, t, plan, token)), ct);
    }

    /// <summary>Inside the append, after the projections ran. An application that was only read must not have moved
    /// since (the line's kind was decided on what it said then); a confirmation must still pay exactly what is
    /// payable — a clawback offset committed meanwhile changes that, and the line is decided again.</summary>
    private static async ValueTask Recheck(NpgsqlConnection connection, NpgsqlTransaction transaction, LinePlan plan, CancellationToken ct)
    {
        if (plan.Consulted is not { } consulted)
            return;
        if (plan.Event is null)
        {
            await using var command = new NpgsqlCommand("select version from grants.streams where id = $1", connection, transaction)
            {
                Parameters = { new NpgsqlParameter { Value = consulted.StreamId } },
            };
            var actual = await command.ExecuteScalarAsync(ct) is long version ? version : 0;
            if (actual != consulted.Version)
                throw new ConcurrencyException(consulted.StreamId, consulted.Version, actual);
        }
        else if (plan.Payable is { } payable && plan.Record.MatchedReference is { } reference
                 && await InstructionQueries.Find(connection, transaction, reference, ct) is { } instruction
                 && instruction.Payable != payable)
        {
            throw new PayableChangedException();
        }
    }
}

/// <summary>A clawback offset changed what a tranche pays between the decision and the append.</summary>
internal sealed class PayableChangedException() : Exception("the payable amount of the tranche changed");
