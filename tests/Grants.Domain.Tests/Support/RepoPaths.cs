using System.Reflection;

namespace Grants.Domain.Tests.Support;

/// <summary>The repository root, stamped into the test assembly at build time (see Directory.Build.props).</summary>
public static class RepoPaths
{
    public static string Root { get; } = typeof(RepoPaths).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepoRoot").Value!;

    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);
}
