using System.Text.Json;
using Grants.Domain;
using Grants.EventStore;
using Npgsql;
using NpgsqlTypes;

namespace Grants.Projections.Applications;

/// <summary>Files the note an append carries in its (hashed) metadata under the first event of the application it
/// names, so application views read only what the hash chain covers and a rebuild reproduces the table.</summary>
internal static class ApplicationNotesWriter
{
    public static async Task File(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<StoredEvent> events,
                                  CancellationToken ct)
    {
        var note = events.Count > 0 ? events[0].Metadata.Note : null;
        if (note is null || ApplicationOf(note) is not { } applicationId)
            return;
        var streamId = StreamIds.Application(new Grants.Domain.ApplicationId(applicationId));
        if (events.FirstOrDefault(e => e.StreamId == streamId) is not { } first)
            return;

        await using var command = new NpgsqlCommand(
            "insert into grants.application_notes (application_id, version, note) values ($1, $2, $3)", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = applicationId });
        command.Parameters.Add(new NpgsqlParameter { Value = first.Version });
        command.Parameters.Add(new NpgsqlParameter { Value = note, NpgsqlDbType = NpgsqlDbType.Jsonb });
        await command.ExecuteNonQueryAsync(ct);
    }

    private static string? ApplicationOf(string note)
    {
        using var document = JsonDocument.Parse(note);
        return document.RootElement.TryGetProperty("application_id", out var id) && id.ValueKind == JsonValueKind.String
            ? id.GetString()
            : null;
    }
}
