using System.Collections.Immutable;
using Dispatch.Core.Orders;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace Dispatch.Functions.Orders;

/// <summary>One orchestration per order (instance id = order id) drives the pure decider: decide, save,
/// run the effects as activities, then wait for whichever comes first — an external event or the nearest
/// durable timer — and decide again. Deterministic: time is <see cref="TaskOrchestrationContext.CurrentUtcDateTime"/>,
/// every I/O is an activity, nothing here reads a clock, makes a GUID or touches storage.</summary>
public static class OrderOrchestration
{
    public const string Name = "OrderOrchestration";

    /// <summary>The one external event name: the payload is an <see cref="OrderEnvelope"/> (JSON).</summary>
    public const string EventName = "OrderEvent";

    /// <summary>After this many decided events the orchestration continues as new with its state, so the
    /// history (replayed on every wake-up) stays short.</summary>
    public const int EventsPerGeneration = 40;

    /// <summary>Outcomes kept in the custom status for HTTP functions waiting on their event.</summary>
    public const int OutcomesKept = 8;

    /// <summary>Activities retry transient storage or messaging failures; each activity is idempotent.</summary>
    public static TaskOptions ActivityOptions { get; } =
        TaskOptions.FromRetryPolicy(new RetryPolicy(maxNumberOfAttempts: 6, firstRetryInterval: TimeSpan.FromSeconds(1), backoffCoefficient: 2));

    [Function(Name)]
    public static Task<string> Run([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return RunAsync(context, context.GetInput<string>());
    }

    public static async Task<string> RunAsync(TaskOrchestrationContext context, string? input)
    {
        ArgumentNullException.ThrowIfNull(context);
        var run = Payload.Read<OrderRun>(input);
        var logger = context.CreateReplaySafeLogger(typeof(OrderOrchestration));
        var decider = new OrderDecider(run.Policy);
        var timers = run.Timers?.ToList() ?? [];
        var outcomes = run.Outcomes?.ToList() ?? [];
        var work = new Queue<(OrderEvent Event, string? Id, DateTimeOffset? DueAt)>();
        var decided = 0;

        OrderState state;
        if (run.State is { } carried)
        {
            state = carried;
        }
        else
        {
            // The HTTP function decided and stored this same placement (same input, same time): the state
            // is already saved; run its effects.
            var placed = decider.Decide(null, new OrderPlaced(run.OrderId, run.Request), run.PlacedAt);
            state = placed.State!;
            await RunEffectsAsync(context, state, placed.Effects, timers, work);
        }

        Task<string>? external = null;
        while (true)
        {
            while (work.TryDequeue(out var item))
            {
                // A timer is decided no earlier than its due time (the clocks of the timer and the
                // orchestration may differ by a tick).
                var now = item.DueAt is { } due && due > Now(context) ? due : Now(context);

                var decision = decider.Decide(state, item.Event, now);
                decided++;
                if (!decision.Accepted)
                {
                    if (decision.Rejection!.Code != RejectionCode.StaleTimer)
                    {
                        logger.LogInformation("Order {OrderId}: {Event} rejected ({Code})", run.OrderId, item.Event.GetType().Name, decision.Rejection.Code);
                    }

                    Record(outcomes, item.Id, new EventOutcome(item.Id ?? "", false, decision.Rejection.Code.ToString(), decision.Rejection.Message, state.Version));
                    continue;
                }

                var before = state;
                state = decision.State!;
                Record(outcomes, item.Id, new EventOutcome(item.Id ?? "", true, null, null, state.Version));
                SetStatus(context, state, run.Generation, outcomes);
                await context.CallActivityAsync<string>(
                    OrderActivities.SaveOrder, Payload.Write(new SaveOrderInput(before, state, item.Event, now)), ActivityOptions);
                await RunEffectsAsync(context, state, decision.Effects, timers, work);
                timers.RemoveAll(t => IsStale(decider, state, t));
            }

            SetStatus(context, state, run.Generation, outcomes);
            if (state.IsTerminal)
            {
                return state.Status.ToString();
            }

            if (decided >= EventsPerGeneration)
            {
                context.ContinueAsNew(
                    Payload.Write(run with { State = state, Timers = [.. timers], Outcomes = [.. outcomes], Generation = run.Generation + 1 }),
                    preserveUnprocessedEvents: true);
                return state.Status.ToString();
            }

            // One outstanding event waiter at a time, kept across timer wake-ups: a second waiter would
            // take the next event from the first.
            external ??= context.WaitForExternalEvent<string>(EventName);
            var next = timers.OrderBy(t => t.DueAt).FirstOrDefault();
            if (next is null)
            {
                Enqueue(work, await external);
                external = null;
                continue;
            }

            using var cancel = new CancellationTokenSource();
            var timer = context.CreateTimer(next.DueAt.UtcDateTime, cancel.Token);
            var winner = await Task.WhenAny(external, timer);
            if (winner == external)
            {
                cancel.Cancel();
                Enqueue(work, await external);
                external = null;
            }
            else
            {
                timers.Remove(next);
                work.Enqueue((new TimerFired(next.Kind, next.Round), null, next.DueAt));
            }
        }
    }

    /// <summary>Runs a decision's effects in order. FindCandidate's answer is queued and decided next.</summary>
    private static async Task RunEffectsAsync(
        TaskOrchestrationContext context, OrderState state, ImmutableArray<OrderEffect> effects, List<ScheduleTimer> timers, Queue<(OrderEvent, string?, DateTimeOffset?)> work)
    {
        foreach (var effect in effects)
        {
            switch (effect)
            {
                case FindCandidate find:
                    var answer = await context.CallActivityAsync<string>(
                        OrderActivities.FindCandidate, Payload.Write(new FindCandidateInput(state, find, Now(context))), ActivityOptions);
                    work.Enqueue((Payload.Read<OrderEvent>(answer), null, null));
                    break;
                case SendOffer:
                    await context.CallActivityAsync<string>(OrderActivities.SendOffer, Payload.Write<OrderEffect>(effect), ActivityOptions);
                    break;
                case RecordService:
                    await context.CallActivityAsync<string>(OrderActivities.RecordService, Payload.Write<OrderEffect>(effect), ActivityOptions);
                    break;
                case Notify or WithdrawOffer or Escalate:
                    await context.CallActivityAsync<string>(OrderActivities.Notify, Payload.Write<OrderEffect>(effect), ActivityOptions);
                    break;
                case ScheduleTimer timer:
                    timers.RemoveAll(t => t.Key == timer.Key);
                    timers.Add(timer);
                    break;
                default:
                    throw new InvalidOperationException($"No activity for effect {effect.GetType().Name}.");
            }
        }
    }

    /// <summary>A timer the decider would drop when it fires (the offer or round it belongs to is over) is
    /// not waited for: fewer wake-ups, cheaper orders. The decider is pure, so asking it is deterministic.</summary>
    private static bool IsStale(OrderDecider decider, OrderState state, ScheduleTimer timer) =>
        state.IsTerminal
        || decider.Decide(state, new TimerFired(timer.Kind, timer.Round), timer.DueAt).Rejection?.Code == RejectionCode.StaleTimer;

    private static void Enqueue(Queue<(OrderEvent, string?, DateTimeOffset?)> work, string payload)
    {
        OrderEnvelope envelope;
        try
        {
            envelope = Payload.Read<OrderEnvelope>(payload);
        }
        catch (System.Text.Json.JsonException)
        {
            return; // Not ours: the HTTP functions only raise well-formed envelopes.
        }
        catch (InvalidDataException)
        {
            return;
        }

        // A placement cannot come from outside, and it is the only event that carries a request.
        if (envelope.Event is not OrderPlaced)
        {
            work.Enqueue((envelope.Event, envelope.Id, null));
        }
    }

    private static void Record(List<EventOutcome> outcomes, string? id, EventOutcome outcome)
    {
        if (id is null)
        {
            return;
        }

        outcomes.Add(outcome);
        if (outcomes.Count > OutcomesKept)
        {
            outcomes.RemoveRange(0, outcomes.Count - OutcomesKept);
        }
    }

    private static void SetStatus(TaskOrchestrationContext context, OrderState state, int generation, List<EventOutcome> outcomes) =>
        context.SetCustomStatus(new OrderProgress(state.OrderId, state.Status.ToString(), state.Attempt, state.Version, generation, [.. outcomes]));

    private static DateTimeOffset Now(TaskOrchestrationContext context) =>
        new(DateTime.SpecifyKind(context.CurrentUtcDateTime, DateTimeKind.Utc));
}
