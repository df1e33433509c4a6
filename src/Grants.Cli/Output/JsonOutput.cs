using Google.Protobuf;

namespace Grants.Cli.Output;

/// <summary>`--json` output: the response message in the proto3 JSON mapping (field names in lowerCamelCase, int64
/// amounts as strings, enums by name), with default values written so every field is always present.</summary>
public static class JsonOutput
{
    private static readonly JsonFormatter Formatter =
        new(JsonFormatter.Settings.Default.WithFormatDefaultValues(true).WithIndentation());

    public static string Format(IMessage message) => Formatter.Format(message);

    public static void Write(TextWriter writer, IMessage message) => writer.WriteLine(Format(message));
}
