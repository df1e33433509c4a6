using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Grants.Api.Telemetry;

/// <summary>The OpenTelemetry tracer and meter providers (built with the SDK directly: the hosting extensions
/// package is not available here). Configured by the standard OTEL_* variables; exported over OTLP only when
/// OTEL_EXPORTER_OTLP_ENDPOINT is set. Disposed with the host, which flushes what is buffered.</summary>
public sealed class TelemetryProviders(TracerProvider tracer, MeterProvider meter) : IDisposable
{
    private static readonly string[] Sources = ["Microsoft.AspNetCore", "Npgsql", GrantsTelemetry.Name];
    private static readonly string[] Meters =
        ["Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Npgsql", GrantsTelemetry.Name];

    public bool Exporting { get; private init; }

    public static TelemetryProviders Create(IConfiguration configuration)
    {
        var exporting = !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var resource = ResourceBuilder.CreateDefault();
        if (string.IsNullOrWhiteSpace(configuration["OTEL_SERVICE_NAME"]))
            resource.AddService("grants-api");

        // Without an exporter nobody reads the spans; Npgsql's (one per statement, a score per command) are then not
        // even created. Ours and ASP.NET Core's stay: the trace id is each event's correlation id.
        var tracing = Sdk.CreateTracerProviderBuilder().SetResourceBuilder(resource)
            .AddSource(exporting ? Sources : [.. Sources.Where(s => s != "Npgsql")]);
        var metrics = Sdk.CreateMeterProviderBuilder().SetResourceBuilder(resource).AddMeter(Meters);
        if (exporting)
        {
            // With no arguments the exporter reads OTEL_EXPORTER_OTLP_ENDPOINT, _PROTOCOL and _HEADERS itself.
            tracing.AddOtlpExporter();
            metrics.AddOtlpExporter();
        }
        return new TelemetryProviders(tracing.Build(), metrics.Build()) { Exporting = exporting };
    }

    public void Dispose()
    {
        tracer.Dispose();
        meter.Dispose();
    }
}
