using Grants.Api.Errors;
using Grants.Contracts.V1;
using Grants.Domain;
using Grants.Domain.Catalog;

namespace Grants.Api.Services.Applications;

/// <summary>Request checks the three application-side services share, on top of <see cref="RequestChecks"/>.</summary>
public static class WireChecks
{
    public const int ReasonMax = 500;
    public const int CommentMax = 2000;
    public const int ReferenceMax = 100;

    /// <summary>An officer is required. Staff ids are kept in events, where the domain allows 1-64 letters, digits or
    /// ._:@- (no spaces or slashes), so that is what is accepted here.</summary>
    public static (OfficialId Id, BureauCode Bureau) Officer(this RequestChecks checks, Officer? officer, string field)
    {
        if (officer is null)
        {
            checks.Add(field, "is required");
            return (new OfficialId(""), new BureauCode(""));
        }
        var before = checks.Violations.Count;
        var id = checks.Id(officer.Id, $"{field}.id", 64);
        if (checks.Violations.Count == before && !new OfficialId(id).IsWellFormed)
            checks.Add($"{field}.id", "must be 1-64 letters, digits or ._:@- starting with a letter or digit");
        var bureau = checks.Id(officer.BureauCode, $"{field}.bureau_code");
        return (new OfficialId(id), new BureauCode(bureau));
    }

    /// <summary>An application number as the server hands them out, e.g. "HP-2025-000123".</summary>
    public static ApplicationId ApplicationId(this RequestChecks checks, string value, string field = "application_id") =>
        new(checks.Id(value, field));

    /// <summary>A paid amount may be zero when a clawback offset withheld the whole tranche.</summary>
    public static Money AmountOrZero(this RequestChecks checks, long fen, string field)
    {
        if (fen < 0)
            checks.Add(field, "must not be negative");
        else if (fen > RequestChecks.MaxAmountFen)
            checks.Add(field, $"must be at most {RequestChecks.MaxAmountFen} fen");
        return new Money(fen);
    }

    /// <summary>Bank account numbers as the contract allows them: 8-34 letters and digits.</summary>
    public static string Account(this RequestChecks checks, string value, string field)
    {
        if (value.Length is < 8 or > 34 || !value.All(char.IsAsciiLetterOrDigit))
            checks.Add(field, "must be 8-34 letters and digits");
        return value;
    }
}
