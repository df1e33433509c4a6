using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grants.Domain.Catalog;

/// <summary>Turns the seed files (seeds/jurisdictions.json, seeds/bureaus.json, seeds/policies/*.json) into a catalog,
/// or refuses them with every problem named. Pure: the caller reads the files.</summary>
public static class CatalogSeed
{
    /// <summary>Strict on purpose: a misspelt field ("cap_fen" as "capfen") would otherwise read as "no cap".</summary>
    public static readonly JsonSerializerOptions Json = new()
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    /// <summary>Parses seed texts, naming them "jurisdictions.json", "bureaus.json" and "policies[i]" in messages.</summary>
    /// <exception cref="CatalogSeedException">The seed is malformed or inconsistent.</exception>
    public static PolicyCatalog Parse(string jurisdictionsJson, string bureausJson, IEnumerable<string> policyJsons) =>
        Parse(
            new SeedFile("jurisdictions.json", jurisdictionsJson),
            new SeedFile("bureaus.json", bureausJson),
            policyJsons.Select((json, i) => new SeedFile($"policies[{i}]", json)));

    /// <exception cref="CatalogSeedException">The seed is malformed or inconsistent.</exception>
    public static PolicyCatalog Parse(SeedFile jurisdictions, SeedFile bureaus, IEnumerable<SeedFile> policies)
    {
        var problems = new List<string>();
        var jurisdictionDefinitions = Read<List<JurisdictionDefinition>>(jurisdictions, problems) ?? [];
        var bureauDefinitions = Read<List<BureauDefinition>>(bureaus, problems) ?? [];
        var policyDefinitions = policies
            .Select(file => (file, definition: Read<PolicyDefinition>(file, problems)))
            .Where(p => p.definition is not null)
            .Select(p => (p.file, definition: p.definition!))
            .ToList();

        if (problems.Count == 0)
        {
            var jurisdictionCodes = SeedValidation.CheckJurisdictions(jurisdictions.Name, jurisdictionDefinitions, problems);
            var bureauCodes = SeedValidation.CheckBureaus(bureaus.Name, bureauDefinitions, jurisdictionCodes, problems);
            var policyIds = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (file, definition) in policyDefinitions)
            {
                PolicyValidation.Check(file.Name, definition, jurisdictionCodes, bureauCodes, policyIds, problems);
            }
        }

        if (problems.Count > 0)
        {
            throw new CatalogSeedException(problems);
        }

        return PolicyCatalog.Empty with
        {
            Jurisdictions = [.. jurisdictionDefinitions.Select(d => d.ToJurisdiction())],
            Bureaus = [.. bureauDefinitions.Select(d => d.ToBureau())],
            Policies = [.. policyDefinitions.Select(p => p.definition.ToPolicy())],
        };
    }

    // Some JsonException messages repeat the position ("… Path: $.x | LineNumber: 3 | …"); it is already in front.
    private static string WithoutPosition(string message)
    {
        var at = message.IndexOf(" Path: ", StringComparison.Ordinal);
        return at < 0 ? message : message[..at];
    }

    private static T? Read<T>(SeedFile file, List<string> problems)
        where T : class
    {
        try
        {
            var value = JsonSerializer.Deserialize<T>(file.Json, Json);
            if (value is null)
            {
                problems.Add($"{file.Name}: the file holds JSON null");
            }

            return value;
        }
        catch (JsonException e)
        {
            problems.Add($"{file.Name}: {e.Path ?? "$"} (line {e.LineNumber + 1}): {WithoutPosition(e.Message)}");
            return null;
        }
    }
}
