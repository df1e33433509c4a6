using System.Security.Cryptography;
using System.Text;

namespace Grants.EventStore;

/// <summary>Chooses the folder the cluster really lives in. As root the cluster runs as "postgres", which must be
/// able to reach the folder; a repository under /root (mode 700) is out of its reach, so the data then lives under
/// /var/tmp/grants-pg/&lt;id&gt; instead, the id recorded in the requested folder (<see cref="MarkerFile"/>): data is
/// kept between runs, and goes with the folder. A home deleted and made again at the same path gets a cluster of its
/// own, as its keys (API keys, the personal-ID key) are new too and an old database would not match them.</summary>
internal static class ClusterDirectory
{
    public const string FallbackRoot = "/var/tmp/grants-pg";

    /// <summary>In the requested folder: where its cluster lives instead.</summary>
    public const string MarkerFile = "cluster-location";

    public static string Prepare(string requested, Action<string> log)
    {
        var full = Path.GetFullPath(requested);
        Directory.CreateDirectory(full);
        if (!OsUser.IsRoot)
            return full;

        if (!IsInitialised(full))
            OsUser.GiveToClusterUser(full);
        if (OsUser.ClusterUserCanUse(full))
            return full;

        Directory.CreateDirectory(FallbackRoot);
        var fallback = FallbackFor(full, FallbackRoot);
        Directory.CreateDirectory(fallback);
        if (!IsInitialised(fallback))
            OsUser.GiveToClusterUser(fallback);
        log($"The '{OsUser.ClusterUser}' user cannot reach {full}; keeping the cluster in {fallback} instead.");
        return fallback;
    }

    /// <summary>The folder recorded in <paramref name="full"/>; on first use, a new one (recorded there), unless the
    /// cluster an earlier version kept under the hash of this path belongs to this very folder: the folder is then
    /// no younger than that cluster (it was created just before it), and the cluster is adopted.</summary>
    internal static string FallbackFor(string full, string root)
    {
        var marker = Path.Combine(full, MarkerFile);
        if (File.Exists(marker))
            return File.ReadAllText(marker).Trim();

        var legacy = Path.Combine(root, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(full)))[..16]);
        var chosen = IsInitialised(legacy)
                     && Directory.GetLastWriteTimeUtc(full) <= File.GetLastWriteTimeUtc(Path.Combine(legacy, "PG_VERSION"))
            ? legacy
            : Path.Combine(root, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)));
        File.WriteAllText(marker, chosen);
        return chosen;
    }

    public static bool IsInitialised(string directory) => File.Exists(Path.Combine(directory, "PG_VERSION"));
}
