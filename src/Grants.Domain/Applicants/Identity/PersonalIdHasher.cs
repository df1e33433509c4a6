using System.Security.Cryptography;
using System.Text;

namespace Grants.Domain.Applicants.Identity;

/// <summary>Keyed HMAC-SHA256 of a normalised personal ID. Keyed (not a bare hash) because 18-digit ID numbers have so
/// little entropy that an unkeyed hash is reversed by enumeration; the key lives outside the database.</summary>
public sealed class PersonalIdHasher
{
    public const int MinimumKeyBytes = 32;

    private readonly byte[] _key;

    public PersonalIdHasher(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < MinimumKeyBytes)
            throw new ArgumentException($"The personal ID key must have at least {MinimumKeyBytes} bytes.", nameof(key));
        _key = (byte[])key.Clone();
    }

    /// <summary>Lower-case hex, 64 characters.</summary>
    public string Hash(string normalised) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(normalised)));
}
