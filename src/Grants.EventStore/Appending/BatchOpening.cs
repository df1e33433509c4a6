using Npgsql;

namespace Grants.EventStore;

/// <summary>The reads the projections send first in a group-commit batch (<see cref="IOpensBatches"/>).</summary>
internal sealed class BatchOpening
{
    private readonly ClaimRead _read;

    private BatchOpening(ClaimRead read) => _read = read;

    /// <returns>Null when no projection opens this batch.</returns>
    public static BatchOpening? Of(IInlineProjection[] projections, BatchScope scope)
    {
        ClaimRead? opening = null;
        foreach (var projection in projections)
        {
            if (projection is IOpensBatches opens && opens.Open(scope) is { } read)
                opening = opening is null ? read : opening.Then(read);
        }
        return opening is null ? null : new BatchOpening(opening);
    }

    public void AddTo(NpgsqlBatch batch)
    {
        foreach (var command in _read.Commands())
            batch.BatchCommands.Add(command);
    }

    /// <summary>Reads the opening's results, leaving the reader on the first result after them.</summary>
    public async Task Consume(NpgsqlDataReader reader, CancellationToken ct)
    {
        await _read.Consume(reader, ct);
        await reader.NextResultAsync(ct);
    }

    /// <summary>The opening failed, before any command of the batch was answered.</summary>
    public sealed class FailedException(PostgresException error) : Exception("The group-commit batch's opening reads failed.", error);
}
