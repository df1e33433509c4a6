using System.Text.Json;

namespace Grants.Projections.Applications;

/// <summary>Where a note names its application: the first application_id member at the top level of an object. One
/// reading for the projection that files notes (<see cref="NoteFiling"/>) and for the rebuild that reads them from
/// the bytes PostgreSQL sends (Audit/Rebuild/Feed/NoteReading), so the two cannot file different notes.</summary>
internal static class NoteApplication
{
    /// <returns>True with the reader on the member's value; false when the text is not an object or names no
    /// application.</returns>
    public static bool Find(ref Utf8JsonReader reader)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            return false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isApplication = reader.ValueTextEquals("application_id"u8);
            reader.Read();
            if (isApplication)
                return true;
            reader.Skip();
        }
        return false;
    }

    /// <summary>Why a note whose application_id is neither a string nor null cannot be filed.</summary>
    public static string NotAString(JsonTokenType value) => $"The note's application_id is a {value}, not a string.";
}
