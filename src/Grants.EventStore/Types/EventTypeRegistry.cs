using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace Grants.EventStore;

/// <summary>Maps stable stored names ("award_approved.v1") to CLR records and back. CLR type names never reach the
/// database, so renaming or moving a class cannot orphan years of events.</summary>
public sealed class EventTypeRegistry
{
    private const int MaxUpcastSteps = 64;

    private readonly Dictionary<string, Type> _typesByName = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, string> _namesByType = [];
    private readonly Dictionary<string, (string ToName, Func<JsonObject, JsonObject> Upcast)> _upcasters = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, JsonTypeInfo> _typeInfos = new(StringComparer.Ordinal);

    public JsonSerializerOptions JsonOptions { get; } = EventJson.CreateOptions();

    public EventTypeRegistry Register<T>(string name) where T : class => Register(typeof(T), name);

    /// <summary>For registering a whole list of (name, type) pairs, e.g. the domain's event list.</summary>
    public EventTypeRegistry Register(Type type, string name)
    {
        ArgumentNullException.ThrowIfNull(type);
        ValidateName(name);
        if (_typesByName.TryGetValue(name, out var existing) && existing != type)
            throw new InvalidOperationException($"Event name '{name}' is already registered for {existing.Name}.");
        if (_namesByType.TryGetValue(type, out var existingName) && existingName != name)
            throw new InvalidOperationException($"{type.Name} is already registered as '{existingName}'.");
        if (_upcasters.ContainsKey(name))
            throw new InvalidOperationException($"'{name}' is upcast to a newer name, so it cannot also be a current type.");
        _typesByName[name] = type;
        _namesByType[type] = name;
        return this;
    }

    /// <summary>Events stored as <paramref name="fromName"/> are rewritten in memory to <paramref name="toName"/> when
    /// read; the stored row (and so the hash chain) is never touched.</summary>
    public EventTypeRegistry RegisterUpcaster(string fromName, string toName, Func<JsonObject, JsonObject> upcast)
    {
        ValidateName(fromName);
        ValidateName(toName);
        ArgumentNullException.ThrowIfNull(upcast);
        if (fromName == toName)
            throw new ArgumentException("An upcaster must change the name.", nameof(toName));
        if (_typesByName.ContainsKey(fromName))
            throw new InvalidOperationException($"'{fromName}' is registered as a current type; it cannot also be upcast.");
        if (!_upcasters.TryAdd(fromName, (toName, upcast)))
            throw new InvalidOperationException($"'{fromName}' already has an upcaster.");
        return this;
    }

    public string NameOf(Type type) =>
        _namesByType.TryGetValue(type, out var name)
            ? name
            : throw new InvalidOperationException($"{type.FullName} is not a registered event type.");

    public bool IsRegistered(Type type) => _namesByType.ContainsKey(type);

    public object Deserialize(string storedName, string json) =>
        _upcasters.ContainsKey(storedName) ? Upcast(storedName, JsonNode.Parse(json)) : DeserializeCurrent(storedName, json);

    /// <summary>As <see cref="Deserialize(string, string)"/>, from the UTF-8 text as PostgreSQL sends it: no UTF-16
    /// copy of the body, and the type's JSON contract looked up once per stored name (the rebuild reads a million
    /// events this way).</summary>
    public object Deserialize(string storedName, ReadOnlySpan<byte> utf8Json) =>
        _upcasters.ContainsKey(storedName)
            ? Upcast(storedName, JsonNode.Parse(utf8Json))
            : JsonSerializer.Deserialize(utf8Json, ContractOf(storedName))
              ?? throw new InvalidOperationException($"Event '{storedName}' deserialised to null.");

    internal byte[] SerializeToUtf8Bytes(object data) =>
        JsonSerializer.SerializeToUtf8Bytes(data, data.GetType(), JsonOptions);

    private object DeserializeCurrent(string name, string json) =>
        JsonSerializer.Deserialize(json, TypeOf(name, name), JsonOptions)
        ?? throw new InvalidOperationException($"Event '{name}' deserialised to null.");

    private object Upcast(string storedName, JsonNode? parsed)
    {
        var name = storedName;
        var body = parsed as JsonObject ?? throw new InvalidOperationException($"Event '{storedName}' is not a JSON object.");
        for (var step = 0; _upcasters.TryGetValue(name, out var next); step++)
        {
            if (step == MaxUpcastSteps)
                throw new InvalidOperationException($"Upcasters starting at '{storedName}' form a loop.");
            body = next.Upcast(body);
            name = next.ToName;
        }
        return body.Deserialize(TypeOf(name, storedName), JsonOptions)
               ?? throw new InvalidOperationException($"Event '{storedName}' deserialised to null.");
    }

    // A name keeps its type once registered (Register refuses a change), so a contract cached here never goes stale.
    private JsonTypeInfo ContractOf(string name) =>
        _typeInfos.TryGetValue(name, out var contract)
            ? contract
            : _typeInfos.GetOrAdd(name, JsonOptions.GetTypeInfo(TypeOf(name, name)));

    private Type TypeOf(string name, string storedName) =>
        _typesByName.TryGetValue(name, out var type)
            ? type
            : throw new InvalidOperationException(name == storedName
                ? $"Stored event type '{storedName}' is not registered."
                : $"Stored event type '{storedName}' upcasts to '{name}', which is not registered.");

    private static void ValidateName(string name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim() != name)
            throw new ArgumentException("Event names are non-empty and have no surrounding spaces.", nameof(name));
    }
}
