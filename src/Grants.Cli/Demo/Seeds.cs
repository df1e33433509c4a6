namespace Grants.Cli.Demo;

/// <summary>Stable per-item seeds: item i of a kind always gets the same data for a given --seed, whatever
/// --applications says, so a larger run extends a smaller one and replays its request ids unchanged.</summary>
internal static class Seeds
{
    public const int Enterprise = 1;
    public const int Person = 2;
    public const int Application = 3;

    public static int For(int seed, int kind, int index) =>
        unchecked((seed * 1_000_003) ^ (kind * 7_919) ^ (index * 104_729) ^ 0x5EED);
}
