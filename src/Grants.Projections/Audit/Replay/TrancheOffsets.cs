using Grants.Domain.Applications.RecoveringClawbacks;
using Npgsql;
using NpgsqlTypes;

namespace Grants.Projections.Audit.Replay;

/// <summary>What clawbacks of any application had withheld from one application's tranches by a moment, summed from
/// the clawback_recovered events themselves (the live tranche rows only know the present).</summary>
public static class TrancheOffsets
{
    /// <returns>Offset fen by tranche payment reference.</returns>
    public static async Task<IReadOnlyDictionary<string, long>> AsOf(NpgsqlDataSource dataSource, string applicationId,
                                                                     DateTimeOffset moment, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var command = new NpgsqlCommand("""
            select data->>'reference', sum((data->>'amount')::bigint)::bigint
              from grants.events
             where type = $1 and data->>'kind' = 'offset' and data->>'offset_application' = $2 and recorded_at <= $3
             group by 1
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = ClawbackRecovered.Name });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = applicationId });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = moment.UtcDateTime });
        var offsets = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            offsets[reader.GetString(0)] = reader.GetInt64(1);
        return offsets;
    }
}
