using Grants.Testing;
using Npgsql;

namespace Grants.EventStore.Tests.Projections;

/// <summary>A refusal decided in memory (LateWrites.AddRefusal) runs in its place among the writes; when it is the one
/// that stops them its caller gets the decided answer without the earlier writes being run again to explain it, and
/// when an earlier write stops them first, that write's explanation wins.</summary>
public sealed class DecidedRefusalTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task GivenAWriteThenADecidedRefusal_WhenTheWritesRun_ThenTheDecidedAnswerComesAndTheWriteRanOnce()
    {
        var scratch = await Scratch.Create(db.DataSource);
        var decided = new InvalidOperationException("appropriation exceeded, decided in memory");
        var late = new LateWrites();
        late.Add(scratch.Insert("ok"), (_, _, _, _) => Task.FromResult<Exception>(new InvalidOperationException("not this one")));
        late.AddRefusal(scratch.Refuse(), decided);

        await using var connection = await db.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => late.ExecuteNow(connection, transaction, CancellationToken.None));

        Assert.Same(decided, thrown);
        // A sequence is not rolled back: it counts how often the insert ran.
        Assert.Equal(1L, await scratch.InsertsRun(connection, transaction));
        Assert.Equal(0L, await scratch.Rows(connection, transaction));
    }

    [Fact]
    public async Task GivenAWriteThatFailsBeforeADecidedRefusal_WhenTheWritesRun_ThenTheEarlierWritesExplanationComes()
    {
        var scratch = await Scratch.Create(db.DataSource);
        var late = new LateWrites();
        late.Add(scratch.Insert("refused by the check"), (error, _, _, _) =>
            Task.FromResult<Exception>(new InvalidOperationException($"check {error.ConstraintName}")));
        late.AddRefusal(scratch.Refuse(), new InvalidOperationException("decided in memory"));

        await using var connection = await db.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => late.ExecuteNow(connection, transaction, CancellationToken.None));

        Assert.Equal($"check {scratch.Table}_note_check", thrown.Message);
        Assert.Equal(0L, await scratch.Rows(connection, transaction));
    }

    /// <summary>A table whose CHECK refuses some notes, a sequence numbering its inserts, and a function that refuses.</summary>
    private sealed record Scratch(string Table)
    {
        public static async Task<Scratch> Create(NpgsqlDataSource source)
        {
            var scratch = new Scratch("decided_" + Guid.NewGuid().ToString("N")[..8]);
            await using var create = source.CreateCommand($"""
                create sequence {scratch.Table}_runs;
                create table {scratch.Table} (n bigint primary key, note text not null check (note not like 'refused%'));
                create function {scratch.Table}_refuse() returns void language plpgsql as $$
                begin raise exception 'refused' using errcode = '{LateWrites.RefusedState}'; end $$;
                """);
            await create.ExecuteNonQueryAsync();
            return scratch;
        }

        public NpgsqlBatchCommand Insert(string note) =>
            new($"insert into {Table} (n, note) values (nextval('{Table}_runs'), $1)") { Parameters = { new NpgsqlParameter { Value = note } } };

        public NpgsqlBatchCommand Refuse() => new($"select {Table}_refuse()");

        public Task<long> InsertsRun(NpgsqlConnection c, NpgsqlTransaction t) => Scalar(c, t, $"select last_value from {Table}_runs");

        public Task<long> Rows(NpgsqlConnection c, NpgsqlTransaction t) => Scalar(c, t, $"select count(*) from {Table}");

        private static async Task<long> Scalar(NpgsqlConnection c, NpgsqlTransaction t, string sql)
        {
            await using var command = new NpgsqlCommand(sql, c, t);
            return (long)(await command.ExecuteScalarAsync())!;
        }
    }
}
