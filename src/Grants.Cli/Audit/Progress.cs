namespace Grants.Cli.Audit;

/// <summary>Progress of long work on standard error (never standard output, which may be a file being written), at
/// most about once a second, and once more at the end.</summary>
internal sealed class Progress(TextWriter error, string what)
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(1);

    private DateTime _last = DateTime.MinValue;

    public void Report(string phase, long done, long total, bool force = false)
    {
        var now = DateTime.UtcNow;
        if (!force && now - _last < Every)
            return;
        _last = now;
        var share = total > 0 ? $" ({100.0 * done / total:0.0}%)" : "";
        var of = total > 0 ? $" of {total:N0}" : "";
        // A phase that only starts ("creating shadow schema") has nothing to count yet.
        var count = done == 0 && total == 0 ? "" : $" {done:N0}{of}{share}";
        error.WriteLine($"{what}: {phase}{count}");
    }
}
