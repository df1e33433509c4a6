using Grants.Domain;
using Npgsql;

namespace Grants.History.Writing;

/// <summary>Application numbers from the server's own sequence (grants.application_number), taken a block at a
/// time, so the history's numbers never collide with the server's, now or later.</summary>
public sealed class ApplicationNumbers(NpgsqlDataSource dataSource)
{
    private const int Block = 1000;
    private readonly Queue<long> _free = new();
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<ApplicationId> Next(string prefix, DateOnly submittedOn, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            if (_free.Count == 0)
            {
                await using var command = dataSource.CreateCommand(
                    "select nextval('grants.application_number') from generate_series(1, $1)");
                command.Parameters.Add(new NpgsqlParameter { Value = Block });
                await using var reader = await command.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                    _free.Enqueue(reader.GetInt64(0));
            }
            return ApplicationId.Format(prefix, submittedOn.Year, _free.Dequeue());
        }
        finally
        {
            _gate.Release();
        }
    }
}
