using Grants.Api.Services.Applicants;
using Npgsql;

namespace Grants.Api.Storage;

/// <summary>Refuses to start a server whose personal-ID key is not the one the database's persons were registered
/// under. Every person's beneficiary key is a keyed hash of their ID number, so with another key the same person
/// would be a new beneficiary and the per-person caps (每人不超过 100 万元) would count them from zero again. The first
/// server to start records the key's fingerprint (an HMAC of a fixed text, which tells nothing about any ID number).</summary>
public static class PersonalIdKeyCheck
{
    private const string FingerprintInput = "grants:personal-id-key-fingerprint";

    public static async Task Ensure(NpgsqlDataSource db, PersonalIdKey key, CancellationToken ct)
    {
        var fingerprint = key.Hasher.Hash(FingerprintInput);
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand("insert into grants.personal_id_key (fingerprint) values ($1) on conflict do nothing")
                {
                    Parameters = { new NpgsqlParameter { Value = fingerprint } },
                },
                new NpgsqlBatchCommand("select fingerprint from grants.personal_id_key"),
            },
        };
        var recorded = (string?)await batch.ExecuteScalarAsync(ct);
        if (recorded != fingerprint)
        {
            throw new InvalidOperationException(
                $"The personal-ID key from {key.Source} is not the key this database's persons were registered under: every " +
                "person would look new and per-person caps would count them again. Start with the original key " +
                $"({PersonalIdKey.ConfigurationKey}, or {PersonalIdKey.FileName} in the embedded home).");
        }
    }
}
