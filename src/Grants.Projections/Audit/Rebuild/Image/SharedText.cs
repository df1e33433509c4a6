namespace Grants.Projections.Audit.Rebuild.Image;

/// <summary>One string instance per distinct id or code the image keeps. Every event deserialises its own copies of
/// the measure, the bureau, the application and the beneficiary it names, and those repeat across hundreds of
/// thousands of rows: kept once, they are fewer objects for the collector to walk and a smaller image. So do an
/// applicant's id (its beneficiary key, for a company) and a payee's name and account, paid tranche after tranche.
/// Free text (reasons) is not shared: it seldom repeats, and each entry here costs about 20 bytes. A set rather than
/// a dictionary of each string to itself: 16 bytes an entry instead of 24, at half a million entries.</summary>
internal sealed class SharedText
{
    private HashSet<string> _known = new(StringComparer.Ordinal);

    public void Release() => _known = new(StringComparer.Ordinal);

    public string Of(string value)
    {
        if (_known.TryGetValue(value, out var known))
            return known;
        _known.Add(value);
        return value;
    }
}
