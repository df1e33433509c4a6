using System.Globalization;

namespace Grants.LoadTest;

/// <summary>The server's peak resident set (VmHWM in /proc/&lt;pid&gt;/status): the kernel's own high-water mark,
/// so no sampling can miss a spike.</summary>
public static class PeakRss
{
    public static double? Megabytes(int? pid)
    {
        if (pid is null)
            return null;
        var path = $"/proc/{pid}/status";
        if (!File.Exists(path))
            return null;
        var line = File.ReadLines(path).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        if (line is null)
            return null;
        var kb = long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        return kb / 1024.0;
    }
}
