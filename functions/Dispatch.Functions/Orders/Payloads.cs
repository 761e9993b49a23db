using System.Text.Json;
using Dispatch.Core;
using Dispatch.Core.Orders;

namespace Dispatch.Functions.Orders;

/// <summary>Everything that crosses the Durable Functions boundary (orchestration input, activity input and
/// output, external events) travels as a JSON string in the core's shape (<see cref="CoreJson.Options"/>),
/// so the polymorphic events and effects round-trip the same under every data converter. Ids only: no
/// resident's name, phone, address or description ever enters orchestration history.</summary>
public static class Payload
{
    public static string Write<T>(T value) => JsonSerializer.Serialize(value, CoreJson.Options);

    public static T Read<T>(string? json) =>
        JsonSerializer.Deserialize<T>(json ?? throw new InvalidDataException("Missing payload."), CoreJson.Options)
        ?? throw new InvalidDataException($"Empty {typeof(T).Name} payload.");
}

/// <summary>The orchestration input: the order's ids and request (no personal data), when it was placed,
/// and the policy it runs under (carried in the input so every replay and every ContinueAsNew generation
/// decides with the same deadlines, even if the app's configuration changes meanwhile). After
/// ContinueAsNew it also carries the state, the pending timers and the recent outcomes.</summary>
public sealed record OrderRun(
    string OrderId,
    OrderRequest Request,
    DateTimeOffset PlacedAt,
    OrderPolicy Policy,
    OrderState? State = null,
    IReadOnlyList<ScheduleTimer>? Timers = null,
    IReadOnlyList<EventOutcome>? Outcomes = null,
    int Generation = 0);

/// <summary>An external event: the order event (ids only) and an id the HTTP function uses to find out
/// whether the orchestration accepted it.</summary>
public sealed record OrderEnvelope(string Id, OrderEvent Event);

/// <summary>How the orchestration ruled on one external event.</summary>
public sealed record EventOutcome(string Id, bool Accepted, string? Code, string? Message, int Version);

/// <summary>The orchestration's custom status: the public state (ids and counters only).</summary>
public sealed record OrderProgress(string OrderId, string Status, int Attempt, int Version, int Generation, IReadOnlyList<EventOutcome> Outcomes);

public sealed record SaveOrderInput(OrderState? Before, OrderState After, OrderEvent Event, DateTimeOffset At);

public sealed record FindCandidateInput(OrderState State, FindCandidate Find, DateTimeOffset Now);
