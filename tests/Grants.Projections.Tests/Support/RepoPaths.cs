using System.Reflection;

namespace Grants.Projections.Tests.Support;

/// <summary>The repository root, stamped into the test assembly at build time (see Directory.Build.props), so the
/// seeds are found wherever --artifacts-path puts the binaries.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = typeof(RepoPaths).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepoRoot").Value!;

    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);
}
