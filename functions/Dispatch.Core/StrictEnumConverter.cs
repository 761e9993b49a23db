using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dispatch.Core;

/// <summary>Enums as their exact names, nothing else: System.Text.Json's own string converter also takes
/// numbers and comma-joined names ("Service,Wish" became a wish, "errand, repair" a category of its own).
/// Anything but one exact name is a <see cref="JsonException"/>, which both hosts answer with a 400.</summary>
public sealed class StrictEnumConverter : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    // The documented way a converter factory makes its generic converter for each enum type.
    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Exact<>).MakeGenericType(typeToConvert))!;

    private sealed class Exact<T> : JsonConverter<T>
        where T : struct, Enum
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String && EnumNames.TryParse<T>(reader.GetString(), out var value)
                ? value
                : throw new JsonException($"Expected one of: {EnumNames.List<T>()}.");

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());

        public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            EnumNames.TryParse<T>(reader.GetString(), out var value) ? value : throw new JsonException($"Expected one of: {EnumNames.List<T>()}.");

        public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WritePropertyName(value.ToString());
    }
}
