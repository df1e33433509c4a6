using System.Text;

namespace Grants.Cli.Tests.EndToEnd;

/// <summary>A text writer a running command writes to while the test reads what it has written so far.</summary>
internal sealed class SharedWriter : TextWriter
{
    private readonly StringBuilder _text = new();
    private readonly Lock _gate = new();

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        lock (_gate)
            _text.Append(value);
    }

    public override void Write(string? value)
    {
        lock (_gate)
            _text.Append(value);
    }

    public override Task WriteAsync(string? value)
    {
        Write(value);
        return Task.CompletedTask;
    }

    public override Task WriteLineAsync(string? value)
    {
        WriteLine(value);
        return Task.CompletedTask;
    }

    public override string ToString()
    {
        lock (_gate)
            return _text.ToString();
    }
}
