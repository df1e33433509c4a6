using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grants.Domain.Catalog;

/// <summary>Codes are stored in events as bare strings ("HP-2024-3/18"), also as dictionary keys, so the stored JSON
/// stays readable and does not change shape if the record gains members.</summary>
public abstract class StringCodeJsonConverter<T> : JsonConverter<T>
    where T : class
{
    protected abstract T Create(string value);

    protected abstract string ValueOf(T code);

    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Create(reader.GetString() ?? throw new JsonException($"{typeof(T).Name} must be a string, not null."));

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        writer.WriteStringValue(ValueOf(value));

    public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Create(reader.GetString()!);

    public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        writer.WritePropertyName(ValueOf(value));
}

public sealed class PolicyIdJsonConverter : StringCodeJsonConverter<PolicyId>
{
    protected override PolicyId Create(string value) => new(value);
    protected override string ValueOf(PolicyId code) => code.Value;
}

public sealed class MeasureIdJsonConverter : StringCodeJsonConverter<MeasureId>
{
    protected override MeasureId Create(string value) => new(value);
    protected override string ValueOf(MeasureId code) => code.Value;
}

public sealed class BureauCodeJsonConverter : StringCodeJsonConverter<BureauCode>
{
    protected override BureauCode Create(string value) => new(value);
    protected override string ValueOf(BureauCode code) => code.Value;
}

public sealed class JurisdictionCodeJsonConverter : StringCodeJsonConverter<JurisdictionCode>
{
    protected override JurisdictionCode Create(string value) => new(value);
    protected override string ValueOf(JurisdictionCode code) => code.Value;
}
