using System.Diagnostics.Metrics;
using Grants.Api.Errors;
using Grants.Api.Telemetry;
using Grants.Contracts.V1;
using Grpc.Core;

namespace Grants.Api.Tests.Infrastructure;

public sealed class TelemetryTests : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly List<(string Instrument, long Value, Dictionary<string, object?> Tags)> _measurements = [];

    public TelemetryTests()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == GrantsTelemetry.Name)
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            lock (_measurements)
                _measurements.Add((instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value)));
        });
        _listener.Start();
    }

    public void Dispose() => _listener.Dispose();

    private List<(string Instrument, long Value, Dictionary<string, object?> Tags)> Measured(string instrument)
    {
        lock (_measurements)
            return [.. _measurements.Where(m => m.Instrument == instrument)];
    }

    [Fact]
    public async Task GivenACommandRefusedByALimit_WhenItRunsThroughTheInterceptor_ThenCommandAndLimitAreCounted()
    {
        var interceptor = new CommandTelemetryInterceptor();
        var context = new TestCallContext("/grants.v1.ApplicationService/Approve");

        await Assert.ThrowsAsync<RpcException>(() => interceptor.UnaryServerHandler<ApproveRequest, ApproveResponse>(
            new ApproveRequest { RequestId = "r" }, context,
            (_, _) => throw ApiError.LimitBreached("telemetry-test cap", "cap 1.00 yuan, headroom 0.00").ToRpcException()));

        Assert.Contains(Measured("grants.commands"), m =>
            (string?)m.Tags["command"] == "Approve" && (string?)m.Tags["outcome"] == "failed_precondition" && m.Value == 1);
        Assert.Contains(Measured("grants.limit_refusals"), m => (string?)m.Tags["limit"] == "telemetry-test cap");
    }

    [Fact]
    public async Task GivenAReadRpc_WhenItRunsThroughTheInterceptor_ThenItIsNotCountedAsACommand()
    {
        var interceptor = new CommandTelemetryInterceptor();

        await interceptor.UnaryServerHandler<GetApplicationRequest, GetApplicationResponse>(new GetApplicationRequest(),
            new TestCallContext("/grants.v1.ApplicationService/GetApplication"), (_, _) => Task.FromResult(new GetApplicationResponse()));

        Assert.DoesNotContain(Measured("grants.commands"), m => (string?)m.Tags["command"] == "GetApplication");
    }

    private sealed class TwoLedgers : ILedgerAvailability
    {
        public IReadOnlyList<LedgerAvailable> Snapshot() =>
            [new("HP-IPO", 2025, "HP-2024-3/18", 700_000_00), new("HP-STC", 2025, "HP-2024-3/19", 0)];
    }

    [Fact]
    public void GivenALedgerSource_WhenTheGaugeIsObserved_ThenEachLedgerReportsItsAvailableFen()
    {
        GrantsTelemetry.Observe(new TwoLedgers());

        _listener.RecordObservableInstruments();

        var ledger = Assert.Single(Measured("grants.ledger.available"), m => (string?)m.Tags["bureau"] == "HP-IPO");
        Assert.Equal(700_000_00, ledger.Value);
        Assert.Equal("HP-2024-3/18", ledger.Tags["measure"]);
    }
}
