using Npgsql;

namespace Grants.Api.Tests.Reliability;

/// <summary>What "the database did not change" means for the reliability tests: the event chain head (position and
/// hash), and a checksum of every ledger table and of the stream and idempotency records. Two equal digests mean no
/// event, no ledger movement and no remembered response was written in between.</summary>
public sealed record DatabaseDigest(long HeadPosition, string HeadHash, string LedgerChecksum)
{
    private const string Sql = """
        select coalesce((select position from grants.event_head), 0),
               coalesce((select encode(hash, 'hex') from grants.event_head), ''),
               md5(concat_ws('|',
                   (select string_agg(t::text, ';' order by t::text) from grants.budget_ledgers t),
                   (select string_agg(t::text, ';' order by t::text) from grants.beneficiary_ledgers t),
                   (select string_agg(t::text, ';' order by t::text) from grants.awards t),
                   (select string_agg(t::text, ';' order by t::text) from grants.beneficiary_standing t),
                   (select string_agg(t::text, ';' order by t::text) from grants.catalog_measures t),
                   (select string_agg(t::text, ';' order by t::text) from grants.streams t),
                   (select count(*)::text from grants.idempotency)))
        """;

    public static async Task<DatabaseDigest> Read(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand(Sql);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new DatabaseDigest(reader.GetInt64(0), reader.GetString(1), reader.GetString(2));
    }
}
