using Npgsql;

namespace Grants.EventStore.Tests.Projections;

/// <summary>A read model that records every applied position; its primary key makes a second application of the
/// same event fail loudly instead of passing unnoticed.</summary>
public sealed class PositionsReadModel(string name = PositionsReadModel.DefaultName) : IAsyncProjection
{
    public const string DefaultName = "applied_positions";

    public static readonly Migration Table = new("projection_tests", 1,
        "create table applied_positions (position bigint primary key, stream_id text not null, version bigint not null, type text not null)");

    /// <summary>Called before each event is written; lets a test hold a batch open at a chosen position.</summary>
    public Func<NpgsqlConnection, StoredEvent, CancellationToken, Task>? BeforeEvent { get; init; }

    public string Name => name;

    public async ValueTask Apply(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<StoredEvent> events, CancellationToken ct)
    {
        foreach (var e in events)
        {
            if (BeforeEvent is { } before)
                await before(connection, e, ct);
            await using var insert = new NpgsqlCommand("insert into applied_positions values ($1, $2, $3, $4)", connection, transaction)
            {
                Parameters = { new() { Value = e.Position }, new() { Value = e.StreamId }, new() { Value = e.Version }, new() { Value = e.EventType } },
            };
            await insert.ExecuteNonQueryAsync(ct);
        }
    }

    public async ValueTask Reset(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct)
    {
        await using var delete = new NpgsqlCommand("delete from applied_positions", connection, transaction);
        await delete.ExecuteNonQueryAsync(ct);
    }

    public static async Task<List<(long, string, long, string)>> Snapshot(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("select position, stream_id, version, type from applied_positions order by position");
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(long, string, long, string)>();
        while (await reader.ReadAsync())
            rows.Add((reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2), reader.GetString(3)));
        return rows;
    }
}
