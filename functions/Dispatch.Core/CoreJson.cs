using System.Text.Json;
using System.Text.Json.Serialization;
using Dispatch.Core.Hours;

namespace Dispatch.Core;

/// <summary>The one JSON shape of core types, for storage, queues, orchestration payloads and the API.</summary>
public static class CoreJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.Converters.Add(new StrictEnumConverter());
        options.Converters.Add(new ServiceHoursConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    private sealed class ServiceHoursConverter : JsonConverter<ServiceHours>
    {
        public override ServiceHours Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            ServiceHours.FromHours(reader.GetDecimal());

        public override void Write(Utf8JsonWriter writer, ServiceHours value, JsonSerializerOptions options) =>
            writer.WriteNumberValue(value.Value);
    }
}
