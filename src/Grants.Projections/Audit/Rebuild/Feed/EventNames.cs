using System.Runtime.CompilerServices;
using System.Text;

namespace Grants.Projections.Audit.Rebuild.Feed;

/// <summary>Stored event names read as UTF-8, each turned into its string once: a history has a few dozen names and a
/// million events. Safe for the decoding workers to share.</summary>
internal sealed class EventNames
{
    private readonly Lock _adding = new();
    private volatile (byte[] Utf8, string Name)[] _known = [];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public string Of(ReadOnlySpan<byte> utf8)
    {
        foreach (var (known, name) in _known)
        {
            if (known.Length == utf8.Length && utf8.SequenceEqual(known))
                return name;
        }
        return Add(utf8);
    }

    private string Add(ReadOnlySpan<byte> utf8)
    {
        var name = Encoding.UTF8.GetString(utf8);
        lock (_adding)
        {
            if (_known.FirstOrDefault(k => k.Name == name).Name is { } existing)
                return existing;
            _known = [.. _known, (utf8.ToArray(), name)];
        }
        return name;
    }
}
