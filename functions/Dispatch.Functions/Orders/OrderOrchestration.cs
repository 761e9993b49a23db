using System.Text.Json;
using Dispatch.Core.Orders;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace Dispatch.Functions.Orders;

/// <summary>One orchestration per order (instance id = order id) drives the pure decider: wait for whichever
/// comes first — an external event or the nearest durable timer — have it decided, run the effects as
/// activities, and wait again. Deterministic: time is <see cref="TaskOrchestrationContext.CurrentUtcDateTime"/>,
/// every I/O is an activity, nothing here reads a clock, makes a GUID or touches storage.
/// <para>Versioning: the decision itself is an activity (<see cref="OrderActivities.Decide"/>), so its result
/// is recorded in the history and a replay reads it back instead of deciding again. A deployment that
/// changes the decider therefore never breaks an order in flight (wishes wait for days): decisions already
/// taken stay as taken, the next ones use the new decider. Only a change to this loop itself (the order of
/// its durable calls) needs Durable's orchestration versioning; see the Functions README.</para>
/// <para>Failures: an activity that still fails after its retries does not fail the orchestration (which
/// would leave an order that looks offered while nobody has it). The order stalls: the organizers are told,
/// the same step is retried on a growing durable timer until storage or messaging is back, then the order
/// resumes and they are told that too. Events raised meanwhile wait in the orchestration's queue.</para></summary>
public static class OrderOrchestration
{
    public const string Name = "OrderOrchestration";

    /// <summary>The one external event name: the payload is an <see cref="OrderEnvelope"/>.</summary>
    public const string EventName = "OrderEvent";

    /// <summary>After this many decided events the orchestration continues as new with its state, so the
    /// history (replayed on every wake-up) stays short.</summary>
    public const int DefaultEventsPerGeneration = 40;

    /// <summary>Outcomes kept in the custom status for HTTP functions waiting on their event.</summary>
    public const int OutcomesKept = 8;

    /// <summary>Ids of decided external events remembered across generations, to decide each once.</summary>
    public const int SeenKept = 32;


    [Function(Name)]
    public static Task<string> Run([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // The Functions extension (1.21) converts an orchestration's input from a JsonElement with the worker's
        // global JSON options, not with its data converter: take the element and read it with DurableJson.
        return RunAsync(context, DurableJson.Read<OrderRun>(context.GetInput<JsonElement>().GetRawText()));
    }

    public static async Task<string> RunAsync(TaskOrchestrationContext context, OrderRun? run)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(run);
        var order = new Generation(context, run);
        return await order.RunAsync();
    }

    /// <summary>One generation of one order's orchestration: its state, timers and outcomes.</summary>
    private sealed class Generation(TaskOrchestrationContext context, OrderRun run)
    {
        private readonly ILogger _logger = context.CreateReplaySafeLogger(typeof(OrderOrchestration));
        private readonly RetrySettings _retry = run.Retry ?? RetrySettings.Default;

        // Activities retry transient storage or messaging failures; each activity is idempotent.
        private TaskOptions ActivityOptions => TaskOptions.FromRetryPolicy(
            new RetryPolicy(maxNumberOfAttempts: Math.Max(1, _retry.ActivityAttempts), firstRetryInterval: _retry.FirstRetry, backoffCoefficient: 2));
        private readonly Queue<(OrderEvent Event, string? Id, DateTimeOffset? DueAt)> _work = new();
        private readonly List<EventOutcome> _outcomes = run.Outcomes?.ToList() ?? [];
        private readonly List<string> _seen = run.Seen?.ToList() ?? [];
        private List<ScheduleTimer> _timers = run.Timers?.ToList() ?? [];
        private OrderState? _state = run.State;
        private int _decided;

        public async Task<string> RunAsync()
        {
            if (_state is null)
            {
                // The HTTP function decided and stored this same placement (same request, same time); deciding
                // it again here yields the same state and the effects still to run.
                _work.Enqueue((new OrderPlaced(run.OrderId, run.Request, run.Reference), null, run.PlacedAt));
            }
            else
            {
                if (run.Resume is { Count: > 0 } resume)
                {
                    // Restarted by the repair sweep from the stored state: what may not have run, runs again.
                    await RunEffectsAsync(_state, resume);
                }

                // Events the previous generation (or a lost orchestration) never took are still stored as
                // pending: ContinueAsNew does not reliably carry over events raised in its last moments.
                var pending = await CallAsync<PendingEvents>(OrderActivities.PendingEvents, run.OrderId);
                foreach (var envelope in pending.Events)
                {
                    Enqueue(envelope);
                }
            }

            Task<OrderEnvelope>? external = null;
            while (true)
            {
                while (_work.TryDequeue(out var item))
                {
                    await DecideAsync(item.Event, item.Id, item.DueAt);
                }

                // An event the waiter already took must be decided now: ContinueAsNew carries over only the
                // events nobody waited for, so one taken and left here would be lost.
                if (external is { IsCompleted: true })
                {
                    Enqueue(await external);
                    external = null;
                    continue;
                }

                var state = _state!;
                SetStatus(state);
                if (state.IsTerminal)
                {
                    return state.Status.ToString();
                }

                if (_decided >= Math.Max(1, run.EventsPerGeneration))
                {
                    context.ContinueAsNew(
                        run with { State = state, Timers = [.. _timers], Outcomes = [.. _outcomes], Generation = run.Generation + 1, Resume = null, Seen = [.. _seen] },
                        preserveUnprocessedEvents: true);
                    return state.Status.ToString();
                }

                // One outstanding event waiter at a time, kept across timer wake-ups: a second waiter would
                // take the next event from the first.
                external ??= context.WaitForExternalEvent<OrderEnvelope>(EventName);
                var next = _timers.OrderBy(t => t.DueAt).FirstOrDefault();
                if (next is null)
                {
                    Enqueue(await external);
                    external = null;
                    continue;
                }

                using var cancel = new CancellationTokenSource();
                var timer = context.CreateTimer(next.DueAt.UtcDateTime, cancel.Token);
                if (await Task.WhenAny(external, timer) == external)
                {
                    cancel.Cancel();
                    Enqueue(await external);
                    external = null;
                }
                else
                {
                    _timers.Remove(next);
                    _work.Enqueue((new TimerFired(next.Kind, next.Round), null, next.DueAt));
                }
            }
        }

        private async Task DecideAsync(OrderEvent e, string? id, DateTimeOffset? dueAt)
        {
            // A timer is decided no earlier than its due time (the clocks of the timer and the orchestration
            // may differ by a tick).
            var now = dueAt is { } due && due > Now() ? due : Now();
            if (id is not null)
            {
                _seen.Add(id);
                if (_seen.Count > SeenKept)
                {
                    _seen.RemoveRange(0, _seen.Count - SeenKept);
                }
            }

            var result = await CallAsync<DecideResult>(OrderActivities.Decide, new DecideInput(run.Policy, _state, e, now, [.. _timers], id));
            _decided++;
            if (result.Rejection is { } rejection)
            {
                if (rejection.Code != RejectionCode.StaleTimer)
                {
                    _logger.LogInformation("Order {OrderId}: {Event} rejected ({Code})", run.OrderId, e.GetType().Name, rejection.Code);
                }

                Record(id, new EventOutcome(id ?? "", false, rejection.Code.ToString(), rejection.Message, _state?.Version ?? 0));
                return;
            }

            // An accepted decision always carries the next state.
            _state = result.State ?? throw new InvalidOperationException($"Order {run.OrderId}: a decision without a state.");
            _timers = [.. result.Timers];
            Record(id, new EventOutcome(id ?? "", true, null, null, _state.Version));
            SetStatus(_state);
            await RunEffectsAsync(_state, result.Effects);
        }

        /// <summary>Runs a decision's effects in order. FindCandidate's answer is queued and decided next;
        /// timers are already in <see cref="DecideResult.Timers"/>.</summary>
        private async Task RunEffectsAsync(OrderState state, IReadOnlyList<OrderEffect> effects)
        {
            foreach (var effect in effects)
            {
                switch (effect)
                {
                    case FindCandidate find:
                        var answer = await CallAsync<OrderEvent>(OrderActivities.FindCandidate, new FindCandidateInput(state, find, Now()));
                        _work.Enqueue((answer, null, null));
                        break;
                    case SendOffer:
                        await CallAsync<object?>(OrderActivities.SendOffer, effect);
                        break;
                    case RecordService:
                        await CallAsync<object?>(OrderActivities.RecordService, effect);
                        break;
                    case Notify or WithdrawOffer or Escalate:
                        await CallAsync<object?>(OrderActivities.Notify, effect);
                        break;
                    case ScheduleTimer:
                        break;
                    default:
                        throw new InvalidOperationException($"No activity for effect {effect.GetType().Name}.");
                }
            }
        }

        /// <summary>Calls an activity with retries; when it still fails, stalls (organizers told, status
        /// shows it) and tries the same step again after a growing durable timer, until it works.</summary>
        private async Task<T> CallAsync<T>(string activity, object input)
        {
            var failures = 0;
            var told = false;
            DateTimeOffset? since = null;
            while (true)
            {
                try
                {
                    var result = await context.CallActivityAsync<T>(activity, input, ActivityOptions);
                    if (since is { } stalledSince)
                    {
                        _logger.LogWarning("Order {OrderId} resumed: {Activity} works again", run.OrderId, activity);
                        await TellAsync(new StallNotice(run.OrderId, Community, activity, true, stalledSince));
                        SetStatus(_state);
                    }

                    return result;
                }
                catch (TaskFailedException e)
                {
                    failures++;
                    since ??= Now();
                    _logger.LogError("Order {OrderId} stalled: {Activity} failed {Failures} time(s) after retries: {Error}",
                        run.OrderId, activity, failures, e.FailureDetails.ErrorMessage);
                    SetStatus(_state, stalledIn: activity);
                    told = told || await TellAsync(new StallNotice(run.OrderId, Community, activity, false, since.Value));
                    await context.CreateTimer((Now() + _retry.StallWait(failures)).UtcDateTime, CancellationToken.None);
                }
            }
        }

        /// <summary>Best effort: when storage is what fails, the notice cannot be written either; the stall
        /// shows in the custom status and the log, and the notice is tried again on the next failure.</summary>
        private async Task<bool> TellAsync(StallNotice notice)
        {
            try
            {
                await context.CallActivityAsync(OrderActivities.ReportStall, notice, ActivityOptions);
                return true;
            }
            catch (TaskFailedException)
            {
                return false;
            }
        }

        private string Community => run.Request.Location.CommunityId;

        /// <summary>Queues an external event once: the same envelope may come raised and found pending.
        /// A placement cannot come from outside, and it is the only event that carries a request.</summary>
        private void Enqueue(OrderEnvelope envelope)
        {
            if (envelope.Event is not OrderPlaced && !_seen.Contains(envelope.Id) && !_work.Any(w => w.Id == envelope.Id))
            {
                _work.Enqueue((envelope.Event, envelope.Id, null));
            }
        }

        private void Record(string? id, EventOutcome outcome)
        {
            if (id is null)
            {
                return;
            }

            _outcomes.Add(outcome);
            if (_outcomes.Count > OutcomesKept)
            {
                _outcomes.RemoveRange(0, _outcomes.Count - OutcomesKept);
            }
        }

        private void SetStatus(OrderState? state, string? stalledIn = null)
        {
            if (state is not null)
            {
                context.SetCustomStatus(new OrderProgress(state.OrderId, state.Status.ToString(), state.Attempt, state.Version, run.Generation, [.. _outcomes], stalledIn));
            }
        }

        private DateTimeOffset Now() => new(DateTime.SpecifyKind(context.CurrentUtcDateTime, DateTimeKind.Utc));
    }
}
