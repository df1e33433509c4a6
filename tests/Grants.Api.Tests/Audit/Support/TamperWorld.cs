using Grants.Api.Auth;
using Grants.Api.Tests.Infrastructure;
using Grants.Contracts.V1;
using Grpc.Core;
using Grants.Testing;
using Npgsql;

namespace Grants.Api.Tests.Audit.Support;

/// <summary>A fresh database with a small workload and a server on it, for a test that alters rows behind the store's
/// back: nobody else may see the damage.</summary>
internal sealed class TamperWorld : IAsyncDisposable
{
    private TamperWorld(GrantsServer server, NpgsqlDataSource db)
    {
        Server = server;
        Db = db;
    }

    public GrantsServer Server { get; }

    public NpgsqlDataSource Db { get; }

    public AuditService.AuditServiceClient Auditor => Server.Client<AuditService.AuditServiceClient>(Roles.Auditor);

    public static async Task<TamperWorld> Start(DatabaseFixture databases, int applications = 12)
    {
        var db = await databases.CreateDatabase();
        var server = await GrantsServer.Start(db.ConnectionString);
        var workload = new AuditWorkload(new AuditDesk(server), seed: 7);
        await workload.Prepare(applicants: 5);
        await workload.Run(first: 1, count: applications, lanes: 2);
        return new TamperWorld(server, db);
    }

    /// <summary>What someone with superuser rights could do: switch the append-only guard off and edit rows.</summary>
    public Task Tamper(string sql) => Sql($"""
        alter table grants.events disable trigger events_append_only;
        {sql};
        alter table grants.events enable trigger events_append_only;
        """);

    public async Task Sql(string sql)
    {
        await using var command = Db.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    public async Task<T> Scalar<T>(string sql)
    {
        await using var command = Db.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Runs Verify to its result.</summary>
    public async Task<VerifyResult> Verify(VerifyRequest request)
    {
        using var call = Auditor.Verify(request, deadline: DateTime.UtcNow.AddMinutes(2));
        VerifyResult? result = null;
        await foreach (var update in call.ResponseStream.ReadAllAsync())
            result = update.Result ?? result;
        return result ?? throw new InvalidOperationException("Verify ended without a result.");
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
