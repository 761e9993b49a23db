using System.Collections.Immutable;
using System.Text.Json;
using Dispatch.Core;
using Dispatch.Core.Orders;

namespace Dispatch.Storage;

/// <summary>JSON columns, always in the core's shape (<see cref="CoreJson.Options"/>).</summary>
internal static class Json
{
    public static string Write<T>(T value) => JsonSerializer.Serialize(value, CoreJson.Options);

    public static T Read<T>(string? json, string what) =>
        JsonSerializer.Deserialize<T>(json ?? throw new InvalidDataException($"{what} is missing."), CoreJson.Options)
        ?? throw new InvalidDataException($"{what} is null.");

    public static string WriteEffects(ImmutableArray<OrderEffect> effects) =>
        JsonSerializer.Serialize<OrderEffect[]>(effects.IsDefault ? [] : [.. effects], CoreJson.Options);

    public static ImmutableArray<OrderEffect> ReadEffects(string? json) =>
        string.IsNullOrEmpty(json) ? [] : [.. Read<OrderEffect[]>(json, "Outbox")];
}
