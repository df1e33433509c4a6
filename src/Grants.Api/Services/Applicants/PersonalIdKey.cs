using System.Security.Cryptography;
using Grants.Api.Hosting;
using Grants.Domain.Applicants.Identity;

namespace Grants.Api.Services.Applicants;

/// <summary>The key of the HMAC that stands in for personal ID numbers (<see cref="PersonalIdHasher"/>). It lives
/// outside the database: whoever holds only a dump cannot enumerate ID numbers against the hashes. Configured as
/// <c>Grants:PersonalIdKey</c> (base64, at least 32 bytes); the embedded default generates one on first start into
/// <c>{Grants:Home}/personal-id.key</c> (mode 0600) and reuses it. It must never change for a deployment: a new key
/// makes every person look new, and per-person caps would count them again.</summary>
public sealed class PersonalIdKey
{
    public const string ConfigurationKey = "Grants:PersonalIdKey";
    public const string FileName = "personal-id.key";

    private PersonalIdKey(byte[] key, string source)
    {
        Hasher = new PersonalIdHasher(key);
        Source = source;
    }

    public PersonalIdHasher Hasher { get; }

    /// <summary>Where the key came from (the setting's name or the file's path; never the key).</summary>
    public string Source { get; }

    public static PersonalIdKey Load(IConfiguration configuration, GrantsDatabaseOptions database)
    {
        if (configuration[ConfigurationKey] is { Length: > 0 } configured)
            return Parse(configured, ConfigurationKey);
        if (!database.Embedded)
        {
            throw new InvalidOperationException(
                $"{ConfigurationKey} is not set. With an explicit database connection the server needs the key that hashes " +
                $"personal ID numbers: set {ConfigurationKey} (environment Grants__PersonalIdKey) to at least " +
                $"{PersonalIdHasher.MinimumKeyBytes} random bytes in base64 (e.g. `openssl rand -base64 32`), the same on " +
                "every server and after every restart.");
        }

        return FromFile(Path.Combine(database.Home, FileName));
    }

    private static PersonalIdKey FromFile(string path)
    {
        if (!File.Exists(path))
            Create(path);
        RestrictToOwner(path);
        return Parse(File.ReadAllText(path).Trim(), path);
    }

    private static PersonalIdKey Parse(string base64, string source)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(base64.Trim());
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"The personal ID key in {source} is not base64.");
        }

        return key.Length >= PersonalIdHasher.MinimumKeyBytes
            ? new PersonalIdKey(key, source)
            : throw new InvalidOperationException(
                $"The personal ID key in {source} has {key.Length} bytes; at least {PersonalIdHasher.MinimumKeyBytes} are needed.");
    }

    // A private temporary file renamed into place without overwriting: the key is never readable by others, and
    // of two servers starting on the same home at once, one key wins and both use it.
    private static void Create(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (OperatingSystem.IsWindows())
            Directory.CreateDirectory(directory);
        else
            Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var temporary = Path.Combine(directory, $".{FileName}.{Guid.NewGuid():N}.tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var writer = new StreamWriter(new FileStream(temporary, options)))
            writer.WriteLine(Convert.ToBase64String(RandomNumberGenerator.GetBytes(PersonalIdHasher.MinimumKeyBytes)));
        try
        {
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
        }
    }

    private static void RestrictToOwner(string path)
    {
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }
}
