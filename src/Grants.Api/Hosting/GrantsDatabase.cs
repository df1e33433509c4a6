using Grants.EventStore;
using Npgsql;

namespace Grants.Api.Hosting;

/// <summary>Where the database comes from. An explicit connection string (<c>GRANTS_DB</c>, else
/// <c>ConnectionStrings:Grants</c>) always wins; without one the server runs its own PostgreSQL cluster under
/// <c>{Grants:Home}/pgdata</c> (default ./.grants) on <c>Grants:EmbeddedPort</c> (default 54329), and only then
/// creates development keys (unless <c>Grants:DevKeys</c> is false).</summary>
public sealed record GrantsDatabaseOptions(string? ExplicitConnectionString, string Home, int EmbeddedPort, bool DevKeysWanted)
{
    public const int DefaultEmbeddedPort = 54329;

    public bool Embedded => ExplicitConnectionString is null;
    public bool DevKeys => Embedded && DevKeysWanted;
    public string DataDirectory => Path.Combine(Home, "pgdata");
    public string DevKeysFile => Path.Combine(Home, "dev-keys.json");

    public static GrantsDatabaseOptions From(IConfiguration configuration) => new(
        NonEmpty(configuration["GRANTS_DB"]) ?? NonEmpty(configuration.GetConnectionString("Grants")),
        Path.GetFullPath(NonEmpty(configuration["Grants:Home"]) ?? ".grants"),
        configuration.GetValue("Grants:EmbeddedPort", DefaultEmbeddedPort),
        configuration.GetValue("Grants:DevKeys", true));

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}

/// <summary>The server's database: the connection string resolved at start-up (starting the embedded cluster when
/// needed) and the one <see cref="NpgsqlDataSource"/> everything shares. Disposed with the host, after Kestrel has
/// drained: the data source first, then the embedded cluster.</summary>
public sealed partial class GrantsDatabase(GrantsDatabaseOptions options, ILogger<GrantsDatabase> logger) : IAsyncDisposable
{
    private EmbeddedPostgres? _embedded;
    private NpgsqlDataSource? _dataSource;

    public GrantsDatabaseOptions Options { get; } = options;

    public NpgsqlDataSource DataSource =>
        _dataSource ?? throw new InvalidOperationException("The database is not started yet: call PrepareGrantsDatabase first.");

    public async Task Start(CancellationToken ct)
    {
        if (_dataSource is not null)
            return;
        var connectionString = Options.ExplicitConnectionString;
        if (connectionString is null)
        {
            LogEmbedded(logger, Options.DataDirectory, Options.EmbeddedPort);
            _embedded = await EmbeddedPostgres.Start(new EmbeddedPostgresOptions(Options.DataDirectory, Options.EmbeddedPort),
                message => LogCluster(logger, message), ct);
            connectionString = _embedded.ConnectionString;
        }
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        if (string.IsNullOrEmpty(builder.ConnectionStringBuilder.ApplicationName))
            builder.ConnectionStringBuilder.ApplicationName = "grants-api";
        // Every command runs the same few dozen statements; parsing and planning each one anew was most of the
        // database's CPU per command. An operator's own setting in the connection string wins.
        if (builder.ConnectionStringBuilder.MaxAutoPrepare == 0)
            builder.ConnectionStringBuilder.MaxAutoPrepare = 256;
        // Likewise the reset Npgsql sends before each borrow (seven statements, several borrows per command). Nothing
        // leaves session state behind: transactions are scoped, advisory locks are transaction-level, and listeners
        // UNLISTEN before they return their connection (ChannelListener).
        builder.ConnectionStringBuilder.NoResetOnClose = true;
        _dataSource = builder.Build();
    }

    public async ValueTask DisposeAsync()
    {
        if (_dataSource is not null)
            await _dataSource.DisposeAsync();
        if (_embedded is not null)
            await _embedded.DisposeAsync();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "No connection string configured: starting the embedded PostgreSQL cluster in {DataDirectory} on port {Port}")]
    private static partial void LogEmbedded(ILogger logger, string dataDirectory, int port);

    [LoggerMessage(Level = LogLevel.Information, Message = "embedded PostgreSQL: {Message}")]
    private static partial void LogCluster(ILogger logger, string message);
}
