namespace Grants.Api.Hosting;

/// <summary>The whole server, as Program.cs runs it and as the tests start it in-process.</summary>
public static class GrantsApp
{
    /// <param name="configure">Runs first: tests add their settings and services here.</param>
    public static async Task<WebApplication> Create(string[] args, Action<WebApplicationBuilder>? configure = null,
                                                    CancellationToken ct = default)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Logging.ClearProviders();
        // One line per entry for people at a terminal; JSON for log collectors everywhere else.
        if (builder.Environment.IsDevelopment())
            builder.Logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; });
        else
            builder.Logging.AddJsonConsole(o => { o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ"; o.UseUtcTimestamp = true; });
        configure?.Invoke(builder);
        builder.AddGrantsServer();

        var app = builder.Build();
        await app.PrepareGrantsDatabase(ct);
        app.MapGrantsEndpoints();
        return app;
    }
}
