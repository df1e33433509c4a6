using Grants.EventStore.Tests.Support;
using Npgsql;

namespace Grants.EventStore.Tests.GroupCommit;

/// <summary>One late row per request in <paramref name="table"/>, whose CHECK refuses some; the explanation counts the
/// rows it sees, other than the batches' set-up rows ('first', 'existing').</summary>
/// <param name="lateOnly">What the projection says of itself (<see cref="IInlineProjection.WritesOnlyLate"/>).</param>
internal sealed class LateRows(string table, bool lateOnly) : ILateWritingProjection
{
    public bool WritesOnlyLate(object data) => lateOnly;

    public async ValueTask Apply(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<StoredEvent> events, CancellationToken ct)
    {
        var late = new LateWrites();
        await Apply(connection, transaction, events, late, ct);
        await late.ExecuteNow(connection, transaction, ct);
    }

    public ValueTask Apply(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<StoredEvent> events, LateWrites late,
                           CancellationToken ct)
    {
        foreach (var e in events)
        {
            if (e.Data is AwardRequested requested)
                late.Add($"insert into {table} (applicant) values ($1)", [requested.Applicant], async (error, c, t, token) =>
                {
                    await using var count = new NpgsqlCommand($"select count(*) from {table} where applicant not in ('first', 'existing')", c, t);
                    return new InvalidOperationException($"{requested.Applicant} written after {await count.ExecuteScalarAsync(token)} rows");
                });
        }
        return ValueTask.CompletedTask;
    }
}
