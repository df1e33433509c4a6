using Npgsql;
using NpgsqlTypes;

namespace Grants.Projections.Audit.Rebuild.Image;

/// <summary>Typed values for a binary COPY; nullable ones write NULL when absent.</summary>
internal static class CopyValues
{
    public static void Text(this NpgsqlBinaryImporter importer, string? value)
    {
        if (value is null)
            importer.WriteNull();
        else
            importer.Write(value, NpgsqlDbType.Text);
    }

    public static void Long(this NpgsqlBinaryImporter importer, long? value)
    {
        if (value is { } v)
            importer.Write(v, NpgsqlDbType.Bigint);
        else
            importer.WriteNull();
    }

    public static void Int(this NpgsqlBinaryImporter importer, int? value)
    {
        if (value is { } v)
            importer.Write(v, NpgsqlDbType.Integer);
        else
            importer.WriteNull();
    }

    public static void Bool(this NpgsqlBinaryImporter importer, bool value) => importer.Write(value, NpgsqlDbType.Boolean);

    public static void Date(this NpgsqlBinaryImporter importer, DateOnly? value)
    {
        if (value is { } v)
            importer.Write(v, NpgsqlDbType.Date);
        else
            importer.WriteNull();
    }

    public static void Time(this NpgsqlBinaryImporter importer, DateTimeOffset? value)
    {
        if (value is { } v)
            importer.Write(v, NpgsqlDbType.TimestampTz);
        else
            importer.WriteNull();
    }

    public static void Json(this NpgsqlBinaryImporter importer, string value) => importer.Write(value, NpgsqlDbType.Jsonb);
}
