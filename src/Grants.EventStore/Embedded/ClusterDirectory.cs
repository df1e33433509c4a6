using System.Security.Cryptography;
using System.Text;

namespace Grants.EventStore;

/// <summary>Chooses the folder the cluster really lives in. As root the cluster runs as "postgres", which must be
/// able to reach the folder; a repository under /root (mode 700) is out of its reach, so the data then lives under
/// /var/tmp/grants-pg/&lt;hash of the requested path&gt; instead — stable, so data is still kept between runs.</summary>
internal static class ClusterDirectory
{
    public const string FallbackRoot = "/var/tmp/grants-pg";

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

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(full)))[..16];
        var fallback = Path.Combine(FallbackRoot, hash);
        Directory.CreateDirectory(FallbackRoot);
        Directory.CreateDirectory(fallback);
        if (!IsInitialised(fallback))
            OsUser.GiveToClusterUser(fallback);
        log($"The '{OsUser.ClusterUser}' user cannot reach {full}; keeping the cluster in {fallback} instead.");
        return fallback;
    }

    public static bool IsInitialised(string directory) => File.Exists(Path.Combine(directory, "PG_VERSION"));
}
