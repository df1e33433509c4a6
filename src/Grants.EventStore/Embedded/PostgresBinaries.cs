namespace Grants.EventStore;

/// <summary>The folder holding initdb, pg_ctl and postgres: the PATH first, then the newest Debian/Ubuntu install.</summary>
internal static class PostgresBinaries
{
    private static readonly string[] Required = ["initdb", "pg_ctl", "postgres"];

    public static string Locate()
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(HasAll);
        if (onPath is not null)
            return onPath;

        var debian = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => (Version: int.TryParse(Path.GetFileName(d).Split('.')[0], out var v) ? v : -1, Bin: Path.Combine(d, "bin")))
                .Where(d => HasAll(d.Bin))
                .OrderByDescending(d => d.Version)
                .Select(d => d.Bin)
                .FirstOrDefault()
            : null;
        return debian ?? throw new InvalidOperationException(
            "PostgreSQL server programs (initdb, pg_ctl, postgres) were not found on PATH or in /usr/lib/postgresql/*/bin. " +
            $"Install them with: {(OsUser.IsRoot ? "" : "sudo ")}apt-get update && {(OsUser.IsRoot ? "" : "sudo ")}apt-get install -y postgresql " +
            "(or set GRANTS_DB to the connection string of an existing PostgreSQL).");
    }

    private static bool HasAll(string directory) => Required.All(name => File.Exists(Path.Combine(directory, name)));
}
