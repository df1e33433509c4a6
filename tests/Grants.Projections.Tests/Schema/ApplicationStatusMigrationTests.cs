using Grants.EventStore;
using Grants.Projections.Applications;
using Grants.Projections.Registration;
using Grants.Testing;
using Npgsql;

namespace Grants.Projections.Tests.Schema;

/// <summary>applications/2 replaces the stored generated status with grants.application_status: a database made
/// before it must list every application with the status the column gave it.</summary>
public sealed class ApplicationStatusMigrationTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    // (lifecycle, awaiting second approval, current, in flight, paid, tranches, clawback outstanding): one row per
    // branch of the rules, with the wire status each must keep.
    private static readonly (string Lifecycle, bool Awaiting, long Current, long InFlight, long Paid, int Tranches, long Clawback, short Status)[] Rows =
    [
        ("submitted", false, 0, 0, 0, 0, 0, 1),
        ("eligibility_confirmed", false, 0, 0, 0, 0, 0, 2),
        ("eligibility_rejected", false, 0, 0, 0, 0, 0, 3),
        ("assessed", false, 0, 0, 0, 0, 0, 4),
        ("assessed", true, 0, 0, 0, 0, 0, 5),
        ("approved", false, 500, 0, 0, 0, 0, 6),
        ("approved", false, 500, 200, 0, 1, 0, 9),
        ("approved", false, 500, 0, 300, 1, 0, 9),
        ("approved", false, 500, 0, 500, 2, 0, 10),
        ("approved", false, 500, 0, 500, 2, 100, 11),
        ("rejected", false, 0, 0, 0, 0, 0, 7),
        ("withdrawn", false, 0, 0, 0, 0, 0, 8),
        ("closed", false, 500, 0, 500, 2, 0, 12),
    ];

    [Fact]
    public async Task Given_applications_under_the_generated_column_When_migrated_Then_each_is_listed_with_the_same_status()
    {
        var before = GrantsProjections.Migrations.TakeWhile(m => m != ApplicationsSchema.V2).ToList();
        var db = await fixture.CreateDatabase(before);
        for (var i = 0; i < Rows.Length; i++)
            await Insert(db, i);
        var generated = await Statuses(db, "a.status");
        Assert.Equal(Rows.Select(r => r.Status), generated);

        await SchemaMigrator.Migrate(db, GrantsProjections.Migrations);

        Assert.Equal(generated, await Statuses(db, "grants.application_status(a)"));
        await using var column = db.CreateCommand(
            "select count(*) from information_schema.columns where table_schema = 'grants' and table_name = 'applications' and column_name = 'status'");
        Assert.Equal(0L, await column.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Given_the_migrated_table_When_a_row_moves_Then_its_status_follows_at_once()
    {
        var db = await fixture.CreateDatabase(GrantsProjections.Migrations);
        await Insert(db, 3);
        Assert.Equal([(short)4], await Statuses(db, "grants.application_status(a)"));

        await using var approve = db.CreateCommand(
            "update grants.applications set lifecycle = 'approved', current_fen = 500, tranche_count = 1, in_flight_fen = 500");
        await approve.ExecuteNonQueryAsync();

        Assert.Equal([(short)9], await Statuses(db, "grants.application_status(a)"));
    }

    private static async Task Insert(NpgsqlDataSource db, int i)
    {
        var r = Rows[i];
        await using var insert = db.CreateCommand("""
            insert into grants.applications (application_id, applicant_id, measure_id, lifecycle, awaiting_second_approval,
                requested_fen, current_fen, in_flight_fen, paid_fen, tranche_count, clawback_outstanding_fen,
                submitted_on, submitted_at, updated_at, version)
            values ($1, 'enterprise-1', 'HP-2024-3/1', $2, $3, 1000, $4, $5, $6, $7, $8, date '2026-01-05', now(), now(), 1)
            """);
        foreach (var value in new object[] { $"application-{i:D2}", r.Lifecycle, r.Awaiting, r.Current, r.InFlight, r.Paid, r.Tranches, r.Clawback })
            insert.Parameters.Add(new NpgsqlParameter { Value = value });
        await insert.ExecuteNonQueryAsync();
    }

    private static async Task<List<short>> Statuses(NpgsqlDataSource db, string status)
    {
        await using var command = db.CreateCommand($"select {status} from grants.applications a order by a.application_id");
        await using var reader = await command.ExecuteReaderAsync();
        var statuses = new List<short>();
        while (await reader.ReadAsync())
            statuses.Add(reader.GetInt16(0));
        return statuses;
    }
}
