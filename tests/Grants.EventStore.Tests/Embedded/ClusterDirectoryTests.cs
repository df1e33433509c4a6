namespace Grants.EventStore.Tests.Embedded;

/// <summary>Where the embedded cluster lives when the requested folder is out of the cluster user's reach: recorded in
/// the folder, so it goes with it; an earlier version's cluster (named after the path) is adopted only by the folder it
/// was made for.</summary>
public sealed class ClusterDirectoryTests : IDisposable
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("grants-cluster-dir-").FullName;

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    private string Root => Path.Combine(_scratch, "root");

    private string Home(string name) => Directory.CreateDirectory(Path.Combine(_scratch, name, "pgdata")).FullName;

    [Fact]
    public void GivenANewFolder_WhenChosenTwice_ThenTheSameNewClusterIsRecordedAndReused()
    {
        var home = Home("a");

        var first = ClusterDirectory.FallbackFor(home, Root);
        var again = ClusterDirectory.FallbackFor(home, Root);

        Assert.Equal(first, again);
        Assert.StartsWith(Root, first, StringComparison.Ordinal);
        Assert.Equal(first, File.ReadAllText(Path.Combine(home, ClusterDirectory.MarkerFile)));
    }

    [Fact]
    public void GivenAFolderDeletedAndMadeAgainAtThePath_WhenChosen_ThenItGetsAClusterOfItsOwn()
    {
        var home = Home("b");
        var before = ClusterDirectory.FallbackFor(home, Root);
        Initialise(before, DateTime.UtcNow.AddHours(-2));
        Directory.Delete(home, recursive: true);

        var after = ClusterDirectory.FallbackFor(Home("b"), Root);

        Assert.NotEqual(before, after);
    }

    [Fact]
    public void GivenAnEarlierVersionsClusterMadeForThisFolder_WhenChosen_ThenItIsAdopted()
    {
        var home = Home("c");
        Directory.SetLastWriteTimeUtc(home, DateTime.UtcNow.AddHours(-3));
        var legacy = Legacy(home);
        Initialise(legacy, DateTime.UtcNow.AddHours(-3).AddSeconds(2));

        Assert.Equal(legacy, ClusterDirectory.FallbackFor(home, Root));
    }

    [Fact]
    public void GivenAnEarlierVersionsClusterOlderThanThisFolder_WhenChosen_ThenItIsLeftAlone()
    {
        var legacy = Legacy(Path.Combine(_scratch, "d", "pgdata"));
        Initialise(legacy, DateTime.UtcNow.AddHours(-2));
        var home = Home("d");

        Assert.NotEqual(legacy, ClusterDirectory.FallbackFor(home, Root));
    }

    private string Legacy(string home) =>
        Path.Combine(Root, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Path.GetFullPath(home))))[..16]);

    private static void Initialise(string cluster, DateTime at)
    {
        Directory.CreateDirectory(cluster);
        var version = Path.Combine(cluster, "PG_VERSION");
        File.WriteAllText(version, "15\n");
        File.SetLastWriteTimeUtc(version, at);
    }
}
