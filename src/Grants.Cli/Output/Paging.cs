namespace Grants.Cli.Output;

/// <summary>The contract's paging limit (common.proto, "Listing"): list commands ask for full pages.</summary>
public static class Paging
{
    public const int MaxPageSize = 200;
}
