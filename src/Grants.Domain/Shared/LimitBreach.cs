namespace Grants.Domain;

public enum LimitKind
{
    /// <summary>An upper limit ("不超过"): the request plus what is already used must stay at or below it.</summary>
    Ceiling,

    /// <summary>A lower limit ("不低于"): the request must be at least the floor.</summary>
    Floor,
}

/// <summary>The numbers behind a refused amount. The text auditors and callers see comes only from
/// <see cref="Describe"/>, which the SQL ledgers reuse, so a limit reads the same wherever it is enforced.</summary>
/// <param name="LimitName">e.g. "HP-2024-3 art.18 per-person cap"; see <see cref="LimitNames"/>.</param>
/// <param name="UsedAs">Past participle for <paramref name="AlreadyUsed"/>: "awarded", "committed", "disbursed", ...</param>
public sealed record LimitBreach(
    string LimitName,
    Money Limit,
    Money AlreadyUsed,
    Money Requested,
    Money Headroom,
    string UsedAs = "awarded",
    LimitKind Kind = LimitKind.Ceiling)
{
    /// <summary>A ceiling breach; headroom is what is left under the limit, never negative.</summary>
    public static LimitBreach Ceiling(string limitName, Money limit, Money alreadyUsed, Money requested, string usedAs = "awarded") =>
        new(limitName, limit, alreadyUsed, requested, Money.Max(Money.Zero, limit - alreadyUsed), usedAs);

    /// <summary>A floor breach; there is no headroom below a floor, so it is zero.</summary>
    public static LimitBreach Floor(string limitName, Money floor, Money requested) =>
        new(limitName, floor, Money.Zero, requested, Money.Zero, "awarded", LimitKind.Floor);

    /// <summary>"HP-2024-3 art.18 per-person cap 1,000,000.00 yuan: already awarded 700,000.00, requested 400,000.00,
    /// headroom 300,000.00"; for a floor: "HP-2024-3 art.19 municipal programme floor 200,000.00 yuan: requested
    /// 150,000.00, short by 50,000.00".</summary>
    public string Describe() => Kind switch
    {
        LimitKind.Floor =>
            $"{LimitName} {Limit.ToYuanString()} yuan: requested {Requested.ToYuanString()}, short by {(Limit - Requested).ToYuanString()}",
        _ =>
            $"{LimitName} {Limit.ToYuanString()} yuan: already {UsedAs} {AlreadyUsed.ToYuanString()}, " +
            $"requested {Requested.ToYuanString()}, headroom {Headroom.ToYuanString()}",
    };
}
