using Grants.Domain.Catalog;
using Npgsql;

namespace Grants.Api.Services.Applications;

/// <summary>Hands out application numbers such as "HP-2025-000123": the jurisdiction of the measure's policy ("SH-HP" →
/// "HP", "SH" → "SH"), the year of submission, and the next value of one database sequence. The number is taken
/// before the append, outside its transaction, so a refused submission leaves a gap; a retried request gets its
/// recorded answer (and number) back from the idempotency guard before a new one is taken.</summary>
public sealed class ApplicationNumbers(NpgsqlDataSource dataSource)
{
    public async Task<ApplicationId> Next(Policy policy, DateOnly submittedOn, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("select nextval('grants.application_number')");
        var sequence = (long)(await command.ExecuteScalarAsync(ct))!;
        return ApplicationId.Format(Prefix(policy.Jurisdiction), submittedOn.Year, sequence);
    }

    public static string Prefix(JurisdictionCode jurisdiction) => jurisdiction.Value[(jurisdiction.Value.LastIndexOf('-') + 1)..];
}
