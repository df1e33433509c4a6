namespace Grants.Domain.Catalog;

/// <summary>The seed files are wrong. Every problem is listed, each naming file, measure and field, so one start-up
/// shows them all instead of one per attempt.</summary>
public sealed class CatalogSeedException : Exception
{
    public CatalogSeedException(IReadOnlyList<string> problems)
        : base($"The catalog seed is invalid ({problems.Count} problem(s)):{Environment.NewLine} - "
               + string.Join($"{Environment.NewLine} - ", problems))
    {
        Problems = problems;
    }

    public CatalogSeedException()
        : this([])
    {
    }

    public CatalogSeedException(string message)
        : this([message])
    {
    }

    public CatalogSeedException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [message];
    }

    public IReadOnlyList<string> Problems { get; } = [];
}
