using System.Text.Json;

namespace Grants.Projections.Finance.Statements;

/// <summary>How kinds and directions are spelled in the read model: as in the events' JSON (snake_case), so SQL
/// filters and stored events read alike.</summary>
public static class StoredNames
{
    public static string Of(LineKind kind) => JsonNamingPolicy.SnakeCaseLower.ConvertName(kind.ToString());

    public static string Of(StatementDirection direction) => JsonNamingPolicy.SnakeCaseLower.ConvertName(direction.ToString());

    public static LineKind Kind(string stored) =>
        Enum.GetValues<LineKind>().First(k => Of(k) == stored);

    public static StatementDirection Direction(string stored) =>
        Enum.GetValues<StatementDirection>().First(d => Of(d) == stored);
}
