using System.Diagnostics;
using System.Text;

namespace Grants.EventStore;

/// <summary>Runs the PostgreSQL programs. initdb and postgres refuse to run as root, and CI runs as root, so there
/// they run as the unprivileged "postgres" user that the Debian package creates.</summary>
internal static class OsUser
{
    public const string ClusterUser = "postgres";

    private static readonly Lazy<bool> Root = new(() =>
        Environment.UserName == "root" || (OperatingSystem.IsLinux() && RunDirect("id", ["-u"]).Output.Trim() == "0"));

    public static bool IsRoot => Root.Value;

    public static ProcessOutcome RunAsClusterUser(string file, IReadOnlyList<string> args)
    {
        if (!IsRoot)
            return RunDirect(file, args);
        if (FindOnPath("runuser") is { } runuser)
            return RunDirect(runuser, ["-u", ClusterUser, "--", file, .. args]);
        var command = string.Join(' ', new[] { file }.Concat(args).Select(ShellQuote));
        return RunDirect("su", [ClusterUser, "-s", "/bin/sh", "-c", command]);
    }

    /// <summary>The shell words that run a program as the cluster user (empty when we are not root).</summary>
    public static string AsClusterUserPrefix() =>
        !IsRoot ? "" : FindOnPath("runuser") is { } runuser ? $"{ShellQuote(runuser)} -u {ClusterUser} -- " : "";

    /// <summary>Runs a shell script in its own session, detached from us: it outlives this process even when the
    /// process is killed right after its exit handlers start (as the test host is).</summary>
    public static void StartDetached(string script)
    {
        var start = new ProcessStartInfo("setsid")
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = "/",
        };
        foreach (var arg in new[] { "-f", "/bin/sh", "-c", "exec </dev/null >/dev/null 2>&1; " + script })
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start);
        process?.WaitForExit();
    }

    public static bool ClusterUserCanUse(string directory) =>
        !IsRoot || RunAsClusterUser("/bin/sh", ["-c", "test -d \"$1\" && test -w \"$1\" && test -x \"$1\"", "sh", directory]).ExitCode == 0;

    public static void GiveToClusterUser(string path)
    {
        if (!IsRoot)
            return;
        RunDirect("chown", [$"{ClusterUser}:{ClusterUser}", path]).ThrowOnFailure("chown");
    }

    public static ProcessOutcome RunDirect(string file, IReadOnlyList<string> args)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            // The cluster user may not be able to enter our working directory (e.g. under /root).
            WorkingDirectory = "/",
        };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        process.StandardInput.Close();
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return new ProcessOutcome(string.Join(' ', new[] { file }.Concat(args)), process.ExitCode, stdout, stderr.GetAwaiter().GetResult());
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/sbin:/usr/bin:/sbin:/bin")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(["/usr/sbin", "/sbin"])
            .Select(d => Path.Combine(d, name))
            .FirstOrDefault(File.Exists);

    public static string ShellQuote(string value)
    {
        var quoted = new StringBuilder("'");
        quoted.Append(value.Replace("'", "'\\''", StringComparison.Ordinal));
        return quoted.Append('\'').ToString();
    }
}

internal sealed record ProcessOutcome(string CommandLine, int ExitCode, string Output, string Error)
{
    public ProcessOutcome ThrowOnFailure(string what) => ExitCode == 0
        ? this
        : throw new InvalidOperationException($"{what} failed (exit {ExitCode}): {CommandLine}\n{Output}\n{Error}".TrimEnd());
}
