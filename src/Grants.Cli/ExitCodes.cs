namespace Grants.Cli;

/// <summary>Process exit codes, so scripts can tell a refusal from an unreachable server.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    /// <summary>The server refused the call (invalid, not found, limit or state, permission), or a check failed.</summary>
    public const int Refused = 1;
    /// <summary>The command line or the local set-up is wrong (e.g. no API key to be found).</summary>
    public const int Usage = 2;
    /// <summary>The server could not be reached, or did not answer in time.</summary>
    public const int Unavailable = 3;
    /// <summary>The user pressed Ctrl+C (e.g. to end `audit export --follow`): 128 + SIGINT, as shells report it.</summary>
    public const int Interrupted = 130;
}
