using System.Globalization;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Grants.Domain;

/// <summary>Human-readable application number, e.g. "HP-2025-000123": jurisdiction prefix, year of submission,
/// six-digit sequence. Officers quote it on the phone, so it stays short and unambiguous.</summary>
[JsonConverter(typeof(StringIdJsonConverter<ApplicationId>))]
public sealed partial record ApplicationId(string Value) : IStringId<ApplicationId>
{
    public static ApplicationId From(string value) => new(value);

    public static ApplicationId Format(string prefix, int year, long sequence) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{prefix}-{year:0000}-{sequence:000000}"));

    public bool IsWellFormed => Pattern().IsMatch(Value);

    public string StreamId => StreamIds.Application(this);

    public override string ToString() => Value;

    [GeneratedRegex(@"^[A-Z]{2,4}-[0-9]{4}-[0-9]{6}$")]
    private static partial Regex Pattern();
}

/// <summary>Id of a registered applicant (enterprise or nominated person), chosen by the registering system.</summary>
[JsonConverter(typeof(StringIdJsonConverter<ApplicantId>))]
public sealed record ApplicantId(string Value) : IStringId<ApplicantId>
{
    public static ApplicantId From(string value) => new(value);

    public bool IsWellFormed => SimpleId.IsWellFormed(Value);

    public string StreamId => StreamIds.Applicant(this);

    public override string ToString() => Value;
}

/// <summary>Id of one clawback order within an application, e.g. "C1".</summary>
[JsonConverter(typeof(StringIdJsonConverter<ClawbackId>))]
public sealed record ClawbackId(string Value) : IStringId<ClawbackId>
{
    public static ClawbackId From(string value) => new(value);

    public bool IsWellFormed => SimpleId.IsWellFormed(Value);

    public override string ToString() => Value;
}

/// <summary>Id of a civil servant (assessor, approver, finance officer). Kept in events only where separation of
/// duties needs it later (assessor, approvers, clawback orderer); everything else lives in event metadata.</summary>
[JsonConverter(typeof(StringIdJsonConverter<OfficialId>))]
public sealed record OfficialId(string Value) : IStringId<OfficialId>
{
    public static OfficialId From(string value) => new(value);

    public bool IsWellFormed => SimpleId.IsWellFormed(Value);

    public override string ToString() => Value;
}

internal static partial class SimpleId
{
    public static bool IsWellFormed(string? value) => value is not null && Pattern().IsMatch(value);

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._:@-]{0,63}$")]
    private static partial Regex Pattern();
}
