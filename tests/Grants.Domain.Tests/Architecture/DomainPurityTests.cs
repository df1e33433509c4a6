using System.Reflection;
using System.Xml.Linq;
using Grants.Domain;

namespace Grants.Domain.Tests.Architecture;

/// <summary>The domain decides; it must not reach a database, a network, a clock or any package.</summary>
public sealed class DomainPurityTests
{
    private static readonly Assembly Domain = typeof(Money).Assembly;

    [Fact]
    public void Given_the_domain_project_When_its_package_references_are_read_Then_there_are_none()
    {
        var project = XDocument.Load(Path.Combine(RepoRoot(), "src", "Grants.Domain", "Grants.Domain.csproj"));

        var packages = project.Descendants("PackageReference").Select(e => e.Attribute("Include")?.Value).ToList();
        var projects = project.Descendants("ProjectReference").Select(e => e.Attribute("Include")?.Value).ToList();

        Assert.Empty(packages);
        Assert.Empty(projects);
    }

    [Fact]
    public void Given_the_domain_assembly_When_its_references_are_listed_Then_only_the_base_class_library_appears()
    {
        var foreign = Domain.GetReferencedAssemblies()
            .Select(a => a.Name ?? "")
            .Where(n => !(n.StartsWith("System", StringComparison.Ordinal) || n is "netstandard" or "mscorlib"))
            .ToList();

        Assert.Empty(foreign);
    }

    [Theory]
    [InlineData("System.Net")]
    [InlineData("System.IO.File")]
    [InlineData("System.Data")]
    [InlineData("Npgsql")]
    public void Given_the_domain_assembly_When_its_types_are_scanned_Then_none_uses_io_or_infrastructure(string forbidden)
    {
        var referenced = Domain.GetReferencedAssemblies().Select(a => a.Name ?? "");

        Assert.DoesNotContain(referenced, n => n.StartsWith(forbidden, StringComparison.Ordinal));
    }

    [Fact]
    public void Given_the_domain_sources_When_scanned_Then_no_clock_is_read()
    {
        var sources = Directory.EnumerateFiles(Path.Combine(RepoRoot(), "src", "Grants.Domain"), "*.cs", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

        var offenders = sources
            .Where(p => File.ReadAllText(p) is var text
                        && (text.Contains("DateTime.Now", StringComparison.Ordinal)
                            || text.Contains("DateTime.UtcNow", StringComparison.Ordinal)
                            || text.Contains("DateTimeOffset.Now", StringComparison.Ordinal)
                            || text.Contains("DateTimeOffset.UtcNow", StringComparison.Ordinal)
                            || text.Contains("DateOnly.FromDateTime(DateTime", StringComparison.Ordinal)
                            || text.Contains("TimeProvider", StringComparison.Ordinal)))
            .ToList();

        Assert.Empty(offenders);
    }

    private static string RepoRoot() => Support.RepoPaths.Root;
}
