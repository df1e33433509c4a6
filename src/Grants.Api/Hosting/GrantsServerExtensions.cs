using Grants.Api.Services.Applicants;
using Grants.Api.Auth;
using Grants.Api.Errors;
using Grants.Api.Idempotency;
using Grants.Api.Operations;
using Grants.Api.Services.Catalog;
using Grants.Api.Storage;
using Grants.Api.Telemetry;
using Grants.Domain.Catalog;
using Grants.EventStore;
using Grpc.AspNetCore.Server.Model;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;

namespace Grants.Api.Hosting;

/// <summary>The composition of the server, in the order Program.cs calls it.</summary>
public static partial class GrantsServerExtensions
{
    /// <summary>Largest request accepted: far above any real command, small enough that nobody fills memory.</summary>
    public const int MaxReceiveMessageBytes = 1024 * 1024;

    public static WebApplicationBuilder AddGrantsServer(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var services = builder.Services;

        var tls = TlsSettings.From(configuration);
        var endpoints = ListenEndpoints.From(configuration, tls is not null);
        builder.WebHost.UseUrls(); // we bind explicitly below; the URL settings were read above
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            foreach (var endpoint in endpoints)
            {
                kestrel.Listen(endpoint.Address, endpoint.Port, listen =>
                {
                    // h2c has no protocol negotiation, so plaintext is HTTP/2 only; over TLS, ALPN lets HTTP/1.1
                    // clients (JSON transcoding) in too.
                    listen.Protocols = endpoint.Tls ? HttpProtocols.Http1AndHttp2 : HttpProtocols.Http2;
                    if (endpoint.Tls)
                        listen.UseHttps(tls!.Apply);
                });
            }
        });
        // Kestrel stops accepting, then lets in-flight calls finish for up to this long.
        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));

        services.AddSingleton(GrantsDatabaseOptions.From(configuration));
        services.AddSingleton<GrantsDatabase>();
        services.AddSingleton(sp => sp.GetRequiredService<GrantsDatabase>().DataSource);
        services.AddMigrations(ApiMigrations.All);
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton(new ApiKeyRegistry(configuration.GetSection("Grants:ApiKeys").Get<List<ApiKeyOptions>>() ?? []));
        services.AddSingleton<IdempotencyGuard>();
        services.AddGrantsCommands();
        services.AddCatalogApplicantBudgetServices(configuration);

        services.AddSingleton<CommandTelemetryInterceptor>();
        services.AddSingleton<ExceptionInterceptor>();
        services.AddGrpc(o =>
        {
            o.MaxReceiveMessageSize = MaxReceiveMessageBytes;
            o.EnableDetailedErrors = false;
            // Outermost first: telemetry sees the status the caller gets, after exceptions are translated.
            o.Interceptors.Add<CommandTelemetryInterceptor>();
            o.Interceptors.Add<ExceptionInterceptor>();
        });
        services.AddGrpcReflection();
        services.AddGrpcHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        // After every AddGrpc call: all services, ours and the health and reflection services, are bound by
        // StrictRequestBinding instead of the default binder, so a body that is no message is INVALID_ARGUMENT.
        services.RemoveAll(typeof(IServiceMethodProvider<>));
        services.TryAddEnumerable(ServiceDescriptor.Singleton(typeof(IServiceMethodProvider<>), typeof(StrictRequestBinding<>)));
        // Built by the container (not registered as an instance) so the container disposes it, flushing exports.
        services.AddSingleton(_ => TelemetryProviders.Create(configuration));
        return builder;
    }

    /// <summary>Registers migrations of another component, run with the event store's at start-up.</summary>
    public static IServiceCollection AddMigrations(this IServiceCollection services, IEnumerable<Migration> migrations)
    {
        foreach (var migration in migrations)
            services.AddSingleton(migration);
        return services;
    }

    /// <summary>Starts (or connects to) the database, migrates it, checks the personal-ID key against it, creates the
    /// development keys in the embedded default, and loads the stored API keys. Fails start-up when the database cannot be reached.</summary>
    public static async Task PrepareGrantsDatabase(this WebApplication app, CancellationToken ct = default)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Grants.Api.Startup");
        _ = app.Services.GetRequiredService<TelemetryProviders>(); // built before the first request is traced
        var database = app.Services.GetRequiredService<GrantsDatabase>();
        await database.Start(ct);
        await SchemaMigrator.Migrate(database.DataSource, app.Services.GetServices<Migration>(), ct);
        await PersonalIdKeyCheck.Ensure(database.DataSource, app.Services.GetRequiredService<PersonalIdKey>(), ct);
        await app.SeedCatalog(ct);

        if (database.Options.DevKeys && await DevKeys.Ensure(database.DataSource, database.Options.DevKeysFile, ct))
            LogDevKeys(logger, database.Options.DevKeysFile);

        var keys = app.Services.GetRequiredService<ApiKeyRegistry>();
        keys.UseStoredKeys(await ApiKeyTable.LoadAll(database.DataSource, ct));
        if (keys.Count == 0)
            LogNoKeys(logger);
        else
            LogKeys(logger, keys.Count, string.Join(", ", keys.Names));
    }

    /// <summary>Authentication in front of every gRPC call, then health and reflection.</summary>
    public static WebApplication MapGrantsEndpoints(this WebApplication app)
    {
        app.UseRouting();
        app.UseMiddleware<ApiKeyMiddleware>();
        app.MapGrpcHealthChecksService();
        app.MapGrpcReflectionService();
        app.MapGrpcService<CatalogService>();
        app.MapGrpcService<Services.Applicants.ApplicantService>();
        app.MapGrpcService<Services.Budgets.BudgetService>();
        app.MapGrpcService<Services.Applications.ApplicationService>();
        app.MapGrpcService<Services.Disbursements.DisbursementService>();
        app.MapGrpcService<Services.Clawbacks.ClawbackService>();
        app.MapGrpcService<Services.Audit.AuditService>();
        app.MapGrpcService<Services.Reconciliation.ReconciliationService>();
        return app;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Generated development API keys (one per role) in {File}; never use them in production")]
    private static partial void LogDevKeys(ILogger logger, string file);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No API keys configured (Grants:ApiKeys): every call except health and reflection will be refused")]
    private static partial void LogNoKeys(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Accepting {Count} API keys: {Names}")]
    private static partial void LogKeys(ILogger logger, int count, string names);
}
