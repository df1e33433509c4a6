using Grants.Domain;
using Grants.EventStore;
using Grants.Projections.Ledgers;
using Grants.Projections.Registration;
using Grants.Projections.Tests.Support;
using Grants.Testing;
using Npgsql;

namespace Grants.Projections.Tests.Standing;

/// <summary>An approval locks its beneficiary's standing row FOR SHARE, and inserts the row first unless this process
/// saw it committed. The tests remove the row behind the projection's back (nothing in the system ever deletes one)
/// only to see whether that insert was sent.</summary>
public sealed class CommittedStandingRowsTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task GivenARegistrationThisProcessSawCommitted_WhenTheBeneficiaryIsApproved_ThenNoRowIsInsertedFirst_AndAnotherProcessInsertsIt(bool groupCommit)
    {
        var world = await LedgerDatabase.Create(fixture);
        // The committer gets its own projections, as the server's does: the store's own are then not used.
        await using var committer = new GroupCommitter(world.Db, GrantsEventTypes.Create(), GrantsProjections.Inline(), TimeProvider.System);
        if (groupCommit)
            world.Store.UseGroupCommit(committer);
        await world.Desk.Appropriate(Lines.Art18Fy2025, Lines.Yuan(1_000_000));
        await world.Desk.RegisterPerson(new ApplicantId("talent-a"), Parties.Person(7101), employer: 711);
        var key = await OnlyStandingRow(world.Db);
        await world.Desk.SubmitConfirmAssess(Filing.ApplicationNo(1), new ApplicantId("talent-a"), Lines.Art18, Lines.Yuan(100_000));
        await world.Desk.SubmitConfirmAssess(Filing.ApplicationNo(2), new ApplicantId("talent-a"), Lines.Art18, Lines.Yuan(100_000));
        await Execute(world.Db, "delete from grants.beneficiary_standing");

        await world.Desk.File(Filing.Approval(Filing.ApplicationNo(1), Lines.Yuan(100_000)));
        Assert.Equal(0L, await Count(world.Db, key));

        var otherProcess = new CommandDesk(new PostgresEventStore(world.Db, GrantsEventTypes.Create(), GrantsProjections.Inline(),
            TimeProvider.System), world.Desk.Catalog);
        await otherProcess.File(Filing.Approval(Filing.ApplicationNo(2), Lines.Yuan(100_000)));
        Assert.Equal(1L, await Count(world.Db, key));
    }

    [Fact]
    public async Task GivenAnApprovalWhoseAppendFailedAfterItsProjections_WhenTheBeneficiaryIsApprovedAgain_ThenTheRowIsInsertedFirst()
    {
        var world = await LedgerDatabase.Create(fixture);
        await world.Desk.Appropriate(Lines.Art18Fy2025, Lines.Yuan(1_000_000));
        await world.Desk.RegisterPerson(new ApplicantId("talent-b"), Parties.Person(7102), employer: 712);
        var key = await OnlyStandingRow(world.Db);
        await world.Desk.SubmitConfirmAssess(Filing.ApplicationNo(3), new ApplicantId("talent-b"), Lines.Art18, Lines.Yuan(100_000));
        var failing = new FailingAfterLedgers();
        var desk = new CommandDesk(new PostgresEventStore(world.Db, GrantsEventTypes.Create(), [.. GrantsProjections.Inline(), failing],
            TimeProvider.System), world.Desk.Catalog);

        // This process's first approval of the beneficiary queues the insert, then its append fails before committing.
        failing.Armed = true;
        await Assert.ThrowsAsync<InvalidOperationException>(() => desk.File(Filing.Approval(Filing.ApplicationNo(3), Lines.Yuan(100_000))));
        failing.Armed = false;
        await Execute(world.Db, "delete from grants.beneficiary_standing");

        // Had the failed append taught the process the row, this approval would lock nothing and insert nothing.
        await desk.File(Filing.Approval(Filing.ApplicationNo(3), Lines.Yuan(100_000)));
        Assert.Equal(1L, await Count(world.Db, key));
    }

    private sealed class FailingAfterLedgers : IInlineProjection
    {
        public bool Armed { get; set; }

        public ValueTask Apply(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<StoredEvent> events, CancellationToken ct) =>
            Armed ? throw new InvalidOperationException("the append fails after the ledger projection ran") : ValueTask.CompletedTask;
    }

    private static async Task<string> OnlyStandingRow(NpgsqlDataSource db)
    {
        await using var command = db.CreateCommand("select beneficiary_key from grants.beneficiary_standing");
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        var key = reader.GetString(0);
        Assert.False(await reader.ReadAsync());
        return key;
    }

    private static async Task<long> Count(NpgsqlDataSource db, string key)
    {
        await using var command = db.CreateCommand("select count(*) from grants.beneficiary_standing where beneficiary_key = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = key });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task Execute(NpgsqlDataSource db, string sql)
    {
        await using var command = db.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}
