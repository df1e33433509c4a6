using System.Globalization;

namespace Grants.History.Options;

/// <summary>Command line: <c>--db "Host=…" --events 1000000 [--seed 7] [--writers 2] [--batch 150] [--seeds DIR]
/// [--verify]</c>; <c>--verify</c> recomputes the whole hash chain afterwards (the store's verifier, as
/// <c>grants audit verify</c> does).
/// <paramref name="Batch"/> is how many commands one transaction carries at most; each writer keeps twice that many
/// applications moving so a full batch is always waiting while the previous one commits.</summary>
public sealed record HistoryOptions(string ConnectionString, long TargetEvents, int Seed, int Writers, int Batch, string? SeedsDirectory,
                                    bool Verify)
{
    public const string Usage =
        "usage: Grants.History --db \"<connection string>\" --events N [--seed 7] [--writers 2] [--batch 150] [--seeds DIR] [--verify]";

    public static HistoryOptions Parse(string[] args)
    {
        var verify = args.Contains("--verify");
        args = [.. args.Where(a => a != "--verify")];
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
                throw new ArgumentException($"expected '--name value' at '{args[i]}'");
            values[args[i]] = args[i + 1];
        }
        var known = new[] { "--db", "--events", "--seed", "--writers", "--batch", "--seeds" };
        if (values.Keys.FirstOrDefault(k => !known.Contains(k)) is { } unknown)
            throw new ArgumentException($"unknown option {unknown}");
        if (!values.TryGetValue("--db", out var db) || string.IsNullOrWhiteSpace(db))
            throw new ArgumentException("--db is required");
        var options = new HistoryOptions(db, Number(values, "--events", 1_000_000), (int)Number(values, "--seed", 7),
            (int)Number(values, "--writers", 2), (int)Number(values, "--batch", 150), values.GetValueOrDefault("--seeds"), verify);
        if (options.TargetEvents < 1 || options.Writers is < 1 or > 16 || options.Batch is < 1 or > 1000)
            throw new ArgumentException("--events must be positive, --writers 1-16, --batch 1-1000");
        return options;
    }

    private static long Number(Dictionary<string, string> values, string name, long fallback) =>
        values.TryGetValue(name, out var text)
            ? long.Parse(text.Replace("_", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture)
            : fallback;
}
