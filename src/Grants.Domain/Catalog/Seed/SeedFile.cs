namespace Grants.Domain.Catalog;

/// <summary>The text of one seed file and the name to cite in error messages (e.g. "policies/HP-2024-3.json").
/// The caller reads the files; the domain only parses.</summary>
public sealed record SeedFile(string Name, string Json);
