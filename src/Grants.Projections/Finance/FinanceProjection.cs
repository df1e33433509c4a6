using Grants.Domain.Applications.ConfirmingPayments;
using Grants.Domain.Applications.InstructingTranches;
using Grants.Domain.Applications.OrderingClawbacks;
using Grants.Domain.Applications.RecordingReturns;
using Grants.Domain.Applications.RecoveringClawbacks;
using Grants.Domain.Applications.WritingOffClawbacks;
using Grants.EventStore;
using Grants.Projections.Finance.Instructions;
using Grants.Projections.Finance.Statements;
using Npgsql;

namespace Grants.Projections.Finance;

/// <summary>Keeps the finance read models in the append's transaction: an import matches the next line against
/// instructions exactly as the previous line left them, and a report never lags behind the ledgers it sits beside.</summary>
public sealed class FinanceProjection : IInlineProjection
{
    /// <summary>Every finance row is written at once; any other event is not this projection's. The one list of what
    /// it handles: Apply skips whatever this lets through.</summary>
    public bool WritesOnlyLate(object data) => data is not (TrancheInstructed or PaymentConfirmed or PaymentReturned or ClawbackOrdered
        or ClawbackRecovered or ClawbackWrittenOff or StatementLineReconciled or ReconciliationItemResolved);

    public async ValueTask Apply(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<StoredEvent> events, CancellationToken ct)
    {
        foreach (var stored in events)
        {
            if (WritesOnlyLate(stored.Data))
                continue;
            var at = stored.RecordedAt;
            var instructions = new InstructionRowWriter(connection, transaction, at, ct);
            var clawbacks = new ClawbackRowWriter(connection, transaction, at, ct);
            var lines = new StatementLineWriter(connection, transaction, at, ct);
            var write = stored.Data switch
            {
                TrancheInstructed e => instructions.Instruct(e),
                PaymentConfirmed e => instructions.Confirm(e),
                PaymentReturned e => instructions.Return(e),
                ClawbackOrdered e => clawbacks.Order(e),
                ClawbackRecovered e when e.Kind == RecoveryKind.Offset => Both(clawbacks.Recover(e), () => instructions.Offset(e)),
                ClawbackRecovered e => clawbacks.Recover(e),
                ClawbackWrittenOff e => clawbacks.WriteOff(e),
                StatementLineReconciled e => lines.Record(e),
                ReconciliationItemResolved e => lines.Resolve(e),
                _ => null,
            };
            if (write is not null)
                await write;
        }
    }

    private static async Task Both(Task first, Func<Task> second)
    {
        await first;
        await second();
    }
}
