using System.Text.Json;
using Azure.Core.Serialization;
using Dispatch.Core.Orders;
using Dispatch.Functions.Http;
using Microsoft.DurableTask;

namespace Dispatch.Functions.Orders;

/// <summary>The one serializer of everything that crosses the Durable boundary (orchestration input and
/// custom status, activity inputs and outputs, external events): the HTTP API's JSON (<see cref="HttpApi.Json"/>).
/// Production sets it as the worker's serializer, which the Durable extension wraps as its data converter
/// (it ignores any other); the Azure host tests hand <see cref="Converter"/>, the same serializer, to the
/// in-process Durable host. Ids only: no resident's details ever enter orchestration history.</summary>
public sealed class DurableJson : ObjectSerializer
{
    public static DurableJson Serializer { get; } = new();

    /// <summary>The data converter over <see cref="Serializer"/>, for Durable hosts configured directly.</summary>
    public static DataConverter Converter { get; } = new SerializerConverter();

    private static JsonSerializerOptions Options => HttpApi.Json;

    public override void Serialize(Stream stream, object? value, Type inputType, CancellationToken cancellationToken) =>
        JsonSerializer.Serialize(stream, value, Root(value, inputType), Options);

    public override ValueTask SerializeAsync(Stream stream, object? value, Type inputType, CancellationToken cancellationToken) =>
        new(JsonSerializer.SerializeAsync(stream, value, Root(value, inputType), Options, cancellationToken));

    public override object? Deserialize(Stream stream, Type returnType, CancellationToken cancellationToken) =>
        Read(BinaryData.FromStream(stream), returnType);

    public override async ValueTask<object?> DeserializeAsync(Stream stream, Type returnType, CancellationToken cancellationToken) =>
        Read(await BinaryData.FromStreamAsync(stream, cancellationToken), returnType);

    public static string Write<T>(T value) => Serializer.Serialize(value, typeof(T)).ToString();

    public static T? Read<T>(string json) => (T?)Read(BinaryData.FromString(json), typeof(T));

    /// <summary>Events and effects always carry their "type": Durable serializes a value by its runtime type,
    /// and the orchestration reads an answer or a notice back as the base type.</summary>
    private static Type Root(object? value, Type inputType) => value switch
    {
        OrderEvent => typeof(OrderEvent),
        OrderEffect => typeof(OrderEffect),
        _ => inputType,
    };

    /// <summary>Deploy safety: before typed payloads, every payload was a JSON string holding the JSON
    /// (the same property names), and the histories of orders in flight still hold such strings.</summary>
    private static object? Read(BinaryData data, Type returnType)
    {
        var text = data.ToString().TrimStart();
        if (returnType != typeof(string) && returnType != typeof(object) && text.StartsWith('"'))
        {
            var inner = JsonSerializer.Deserialize<string>(text, Options);
            return inner is null ? null : JsonSerializer.Deserialize(inner, returnType, Options);
        }

        return text.Length == 0 ? null : JsonSerializer.Deserialize(text, returnType, Options);
    }

    private sealed class SerializerConverter : DataConverter
    {
        public override string? Serialize(object? value) =>
            value is null ? null : Serializer.Serialize(value, value.GetType()).ToString();

        public override object? Deserialize(string? data, Type targetType) =>
            data is null ? null : Read(BinaryData.FromString(data), targetType);
    }
}
