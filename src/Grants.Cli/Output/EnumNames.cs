using System.Text;

namespace Grants.Cli.Output;

/// <summary>Enum values as the command line spells them: AwaitingSecondApproval ↔ "awaiting-second-approval".</summary>
public static class EnumNames
{
    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum
    {
        var name = value.ToString();
        var text = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]))
                text.Append('-');
            text.Append(char.ToLowerInvariant(name[i]));
        }
        return text.ToString();
    }

    /// <summary>Every value but the *_UNSPECIFIED one, by command-line name.</summary>
    public static IReadOnlyDictionary<string, TEnum> All<TEnum>() where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Where(v => Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture) != 0)
            .ToDictionary(Of, v => v, StringComparer.OrdinalIgnoreCase);
}
