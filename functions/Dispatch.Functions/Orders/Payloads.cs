using Dispatch.Core.Orders;

namespace Dispatch.Functions.Orders;

// The records that cross the Durable boundary, all written by DurableJson. Their property names are what
// histories of orders in flight hold: rename none without reading the old name too.

/// <summary>The orchestration input: the order's ids and request (no personal data), when it was placed,
/// and the policy it runs under (carried in the input so every replay and every ContinueAsNew generation
/// decides with the same deadlines, even if the app's configuration changes meanwhile). After
/// ContinueAsNew, or when the repair sweep restarts a lost orchestration, it also carries the state, the
/// pending timers and the recent outcomes; a restart by the repair sweep also carries the effects to run
/// again first (<see cref="ResumeEffects"/>). <see cref="Seen"/>: the ids of the latest external events
/// decided, so one that arrives twice (raised, and found pending) is decided once. <see cref="EventsPerGeneration"/>: decisions before the history
/// is cut short by ContinueAsNew.</summary>
public sealed record OrderRun(
    string OrderId,
    OrderRequest Request,
    DateTimeOffset PlacedAt,
    OrderPolicy Policy,
    OrderState? State = null,
    IReadOnlyList<ScheduleTimer>? Timers = null,
    IReadOnlyList<EventOutcome>? Outcomes = null,
    int Generation = 0,
    int EventsPerGeneration = OrderOrchestration.DefaultEventsPerGeneration,
    IReadOnlyList<OrderEffect>? Resume = null,
    RetrySettings? Retry = null,
    IReadOnlyList<string>? Seen = null,
    string? Reference = null);

/// <summary>How hard an order's orchestration retries a failing activity before it stalls
/// (<see cref="ActivityAttempts"/> tries, doubling from <see cref="FirstRetry"/>), and how it waits while
/// stalled (doubling from <see cref="StallFirst"/> to <see cref="StallMax"/>). Carried in the input, so a
/// replay waits as the first run did.</summary>
public sealed record RetrySettings(int ActivityAttempts, TimeSpan FirstRetry, TimeSpan StallFirst, TimeSpan StallMax)
{
    /// <summary>About 15 s of retries (1 + 2 + 4 + 8 s), then 30 s, 1 min, 2 min … 30 min while stalled: a long
    /// outage costs a few executions an hour per order, not a storm.</summary>
    public static RetrySettings Default { get; } = new(5, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(30));

    public TimeSpan StallWait(int failures) =>
        TimeSpan.FromTicks((long)Math.Min(StallFirst.Ticks * Math.Pow(2, Math.Clamp(failures - 1, 0, 20)), StallMax.Ticks));
}

/// <summary>An external event: the order event (ids only) and an id the HTTP function uses to find out
/// whether the orchestration accepted it.</summary>
public sealed record OrderEnvelope(string Id, OrderEvent Event);

/// <summary>How the orchestration ruled on one external event.</summary>
public sealed record EventOutcome(string Id, bool Accepted, string? Code, string? Message, int Version);

/// <summary>The orchestration's custom status: the public state (ids and counters only), and the activity
/// the order is stalled in, if any.</summary>
public sealed record OrderProgress(string OrderId, string Status, int Attempt, int Version, int Generation, IReadOnlyList<EventOutcome> Outcomes, string? StalledIn = null);

/// <summary>One decision to make and store (activity <see cref="OrderActivities.Decide"/>): the state the
/// orchestration holds (null for the placement), the event, its time and the timers it is waiting on.</summary>
/// <see cref="EventId"/>: the envelope id of an external event, whose pending row the decision clears.
public sealed record DecideInput(OrderPolicy Policy, OrderState? State, OrderEvent Event, DateTimeOffset Now, IReadOnlyList<ScheduleTimer> Timers, string? EventId = null);

/// <summary>External events stored as pending and not yet decided (activity <see cref="OrderActivities.PendingEvents"/>).</summary>
public sealed record PendingEvents(IReadOnlyList<OrderEnvelope> Events);

/// <summary>What the decider ruled, as recorded in the orchestration's history: on replay the orchestration
/// reads this back instead of deciding again, so a deployment that changes the decider never changes a
/// decision already taken. <see cref="Timers"/>: the timers still worth waiting for after it.</summary>
public sealed record DecideResult(OrderState? State, IReadOnlyList<OrderEffect> Effects, Rejection? Rejection, IReadOnlyList<ScheduleTimer> Timers);

/// <summary>An activity kept failing after its retries (or works again): the organizers are told.</summary>
public sealed record StallNotice(string OrderId, string CommunityId, string Activity, bool Resumed, DateTimeOffset Since);

public sealed record FindCandidateInput(OrderState State, FindCandidate Find, DateTimeOffset Now);
