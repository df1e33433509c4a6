using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace Grants.Testing;

/// <summary>Writes a component's log into the test's output, which xunit shows when the test fails: a background
/// loop that misbehaves then says what it was doing (its retries, its errors) instead of only timing out.</summary>
public sealed class OutputLogger<T>(ITestOutputHelper output) : ILogger<T>
{
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Debug;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        try
        {
            output.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} {logLevel} {typeof(T).Name}: {formatter(state, exception)}{(exception is null ? "" : " | " + exception.GetType().Name + ": " + exception.Message)}");
        }
        catch (InvalidOperationException)
        {
            // The test has ended; a loop still stopping has nowhere left to write.
        }
    }
}
