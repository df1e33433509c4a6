namespace Grants.Domain;

/// <summary>Why a command was refused. <see cref="Code"/> is stable (the API maps it to a status), <see cref="Field"/>
/// names the offending command field for validation errors, <see cref="Limit"/> is set when a money limit refused it.</summary>
public sealed record DomainError(string Code, string Message, string? Field = null, LimitBreach? Limit = null)
{
    public static DomainError Invalid(string code, string field, string message) => new(code, message, field);

    public static DomainError Breach(string code, LimitBreach breach, string? field = null) =>
        new(code, breach.Describe(), field, breach);

    public override string ToString() => $"{Code}: {Message}";
}
