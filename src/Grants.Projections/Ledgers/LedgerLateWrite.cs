using Grants.Domain;
using Grants.EventStore;
using Npgsql;

namespace Grants.Projections.Ledgers;

/// <summary>How a ledger line's late write is explained: its own refusal (GL001) by the writer, which reads the line
/// and names the limit and the headroom; a CHECK constraint as a ledger rule; anything else as it is.</summary>
internal static class LedgerLateWrite
{
    public static LateWrites.Explain Explain(string ledger, Func<NpgsqlConnection, NpgsqlTransaction, CancellationToken, Task<Exception>>? refused) =>
        (error, c, t, ct) => error.SqlState switch
        {
            LateWrites.RefusedState when refused is not null => refused(c, t, ct),
            PostgresErrorCodes.CheckViolation => Task.FromResult<Exception>(new LedgerRefusedException(new DomainError(
                LedgerErrorCodes.LedgerConstraint, $"refused by ledger rule {error.ConstraintName} ({ledger})"))),
            _ => Task.FromResult<Exception>(error),
        };
}
