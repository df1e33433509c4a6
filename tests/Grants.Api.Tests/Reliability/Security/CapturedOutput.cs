using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Grants.Api.Tests.Reliability.Security;

/// <summary>Everything the server writes that leaves the process as text: every log record at Trace level (message,
/// structured values, scopes, exception) and every activity an exporter would export (names, tags, events, status,
/// baggage) — an ActivityListener sees what the OpenTelemetry exporters are handed.</summary>
public sealed class CapturedOutput : ILoggerProvider, ISupportExternalScope, IDisposable
{
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly ActivityListener _listener;
    private IExternalScopeProvider? _scopes;

    public CapturedOutput()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = Record,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public IReadOnlyCollection<string> Lines => _lines;

    private int _logRecords;
    private int _activities;

    public int LogRecords => Volatile.Read(ref _logRecords);

    public int Activities => Volatile.Read(ref _activities);

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose() => _listener.Dispose();

    private void Record(Activity activity)
    {
        Interlocked.Increment(ref _activities);
        var parts = new List<string?> { activity.Source.Name, activity.OperationName, activity.DisplayName, activity.StatusDescription };
        parts.AddRange(activity.TagObjects.Select(t => $"{t.Key}={t.Value}"));
        parts.AddRange(activity.Events.SelectMany(e => e.Tags.Select(t => $"{e.Name} {t.Key}={t.Value}")));
        parts.AddRange(activity.Baggage.Select(b => $"{b.Key}={b.Value}"));
        _lines.Enqueue("activity " + string.Join(" | ", parts));
    }

    private sealed class Logger(CapturedOutput output, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull =>
            output._scopes?.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            Interlocked.Increment(ref output._logRecords);
            var parts = new List<string?> { category, formatter(state, exception), exception?.ToString() };
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
                parts.AddRange(values.Select(v => $"{v.Key}={v.Value}"));
            output._scopes?.ForEachScope((scope, list) =>
            {
                list.Add(scope?.ToString());
                if (scope is IEnumerable<KeyValuePair<string, object?>> scoped)
                    list.AddRange(scoped.Select(v => $"{v.Key}={v.Value}"));
            }, parts);
            output._lines.Enqueue("log " + string.Join(" | ", parts));
        }
    }
}
