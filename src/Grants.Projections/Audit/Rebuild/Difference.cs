namespace Grants.Projections.Audit.Rebuild;

/// <summary>One way the live tables differ from the rebuild.</summary>
/// <param name="Source">"shadow": rebuilt by the projection code; "reference": the domain's ledger arithmetic;
/// "replay": the replay itself failed at an event.</param>
/// <param name="Column">Null when a whole row is missing on one side.</param>
/// <param name="Live">JSON text of the live value or row; null when the live side has none.</param>
/// <param name="Rebuilt">JSON text of the rebuilt value or row; null when the rebuild has none.</param>
public sealed record Difference(string Source, string Table, string Key, string? Column, string? Live, string? Rebuilt)
{
    public const string Shadow = "shadow";
    public const string Reference = "reference";
    public const string Replay = "replay";
}
