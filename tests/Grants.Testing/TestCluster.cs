using System.Diagnostics;
using Grants.EventStore;

namespace Grants.Testing;

/// <summary>One throwaway PostgreSQL cluster per test process (fsync off), started on first use under
/// /tmp/grants-test-&lt;guid&gt; and stopped and deleted when the process exits.</summary>
public static class TestCluster
{
    private const string Prefix = "grants-test-";
    private const string OwnerFile = "owner.pid";

    private static readonly Lazy<Task<EmbeddedPostgres>> Cluster = new(Start);

    public static Task<EmbeddedPostgres> Shared() => Cluster.Value;

    private static async Task<EmbeddedPostgres> Start()
    {
        SweepAbandoned();
        var root = Path.Combine(Path.GetTempPath(), Prefix + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        // The marker lives beside the data folder: initdb wants an empty folder.
        await File.WriteAllTextAsync(Path.Combine(root, OwnerFile), Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var cluster = await EmbeddedPostgres.Start(new EmbeddedPostgresOptions(Path.Combine(root, "data"), Durable: false));
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Discard(cluster, root);
        return cluster;
    }

    /// <summary>The test host is killed soon after its exit handlers start, too soon for pg_ctl and a recursive
    /// delete, so both run in a detached shell that outlives it.</summary>
    private static void Discard(EmbeddedPostgres cluster, string root) => cluster.StopInBackground(thenDelete: root);

    /// <summary>A test run that was killed never ran its exit handler; its cluster would hold memory forever on a
    /// shared machine. Its owner process is gone, so it is safe to stop it and remove its folder.</summary>
    private static void SweepAbandoned()
    {
        foreach (var root in Directory.GetDirectories(Path.GetTempPath(), Prefix + "*"))
        {
            var marker = Path.Combine(root, OwnerFile);
            if (!File.Exists(marker) || !int.TryParse(File.ReadAllText(marker), out var owner) || IsAlive(owner))
                continue;
            try
            {
                EmbeddedPostgres.StopAbandoned(Path.Combine(root, "data"));
                Directory.Delete(root, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                // Another test process may be sweeping the same folder right now; whoever wins removes it.
            }
        }
    }

    private static bool IsAlive(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
