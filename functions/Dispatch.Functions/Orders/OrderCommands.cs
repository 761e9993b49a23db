using System.Text.Json;
using Dispatch.App.Orders;
using Dispatch.Core.Api;
using Dispatch.Core.Orders;
using Dispatch.Functions.Hosting;
using Dispatch.Storage;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dispatch.Functions.Orders;

/// <summary>How the HTTP functions talk to an order's orchestration: start it once, and hand it an event
/// after checking the event against the stored state with the same decider — so an illegal event is refused
/// at once and changes nothing — then wait (briefly) for the orchestration's own ruling.</summary>
public sealed class OrderCommands(
    OrderStore orders,
    IdempotencyStore idempotency,
    OrderIndex index,
    OrderDecider decider,
    TimeProvider clock,
    IOptions<DispatchOptions> options,
    IOptions<OrderUpkeepOptions> upkeep,
    ILogger<OrderCommands> logger)
{
    /// <summary>Stores a new order once per idempotency key, lists it, and starts its orchestration — also for a
    /// retried request: the first one may have stored the order and failed before starting it.</summary>
    /// <exception cref="ApiProblemException">422 idempotency-key-reused.</exception>
    public async Task<OrderPlacement> PlaceAsync(
        DurableTaskClient client, OrderRequest request, ResidentDetails resident, string? idempotencyKey, CancellationToken ct, Func<CancellationToken, Task<string?>>? reference = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = clock.GetUtcNow();
        var proposed = NewOrderId();
        var orderId = idempotencyKey is null ? proposed : await idempotency.ReserveOrderAsync(idempotencyKey, request, resident, proposed, ct);
        var stored = await orders.GetAsync(orderId, ct);
        var created = false;
        if (stored is null)
        {
            var placed = new OrderPlaced(orderId, request, reference is null ? null : await reference(ct));
            var decision = decider.Place(placed, now);
            stored = await orders.CreateAsync(decision.State, resident, placed, now, [], ct);
            created = stored.State.PlacedAt == now;
            await index.ProjectAsync(stored.State, ct);
            logger.LogInformation("Order {OrderId} placed: {Kind} {Category} in {CommunityId}/{GridId}", orderId,
                request.Kind, request.Category, request.Location.CommunityId, request.Location.GridId);
        }

        await EnsureStartedAsync(client, stored.State, ct);
        return new OrderPlacement(stored, created);
    }

    /// <summary>Schedules the order's orchestration (instance id = order id) unless it exists. The input
    /// carries ids, the request, the placement time and the policy; never the resident's details.</summary>
    public async Task EnsureStartedAsync(DurableTaskClient client, OrderState placed, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(placed);
        if (await client.GetInstanceAsync(placed.OrderId, ct) is not null)
        {
            return;
        }

        var run = new OrderRun(placed.OrderId, placed.Request, placed.PlacedAt, decider.Policy, EventsPerGeneration: upkeep.Value.EventsPerGeneration, Retry: upkeep.Value.Retry, Reference: placed.Reference);
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(
                OrderOrchestration.Name, run, new StartOrchestrationOptions(InstanceId: placed.OrderId), ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Two requests with one idempotency key raced: the other one started it.
            if (await client.GetInstanceAsync(placed.OrderId, ct) is null)
            {
                throw;
            }

            logger.LogDebug("Orchestration of order {OrderId} was started by another request", placed.OrderId);
        }
    }

    /// <summary>Pre-checks <paramref name="e"/> against the stored state (a rejection throws a problem and
    /// nothing is sent), keeps a free-text <paramref name="reason"/> beside the order (never in the event,
    /// so it stays out of the orchestration's history), raises the event, and waits for its ruling.
    /// The wait is cheap: point reads of the order row with a doubling pause until its version moves, then
    /// reads of the orchestration's status (one per pause) until this event's ruling shows; when the time is up the result is not
    /// done (<see cref="OrderApplied.Done"/> false) and the caller answers 202 with where to look.
    /// <paramref name="reason"/> is already checked and trimmed (<see cref="FreeText.Reason"/>).</summary>
    /// <exception cref="ApiProblemException">The decider refused the event.</exception>
    public async Task<OrderApplied> ApplyAsync(DurableTaskClient client, StoredOrder order, OrderEvent e, CancellationToken ct, string? reason = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(order);
        if (decider.Decide(order.State, e, clock.GetUtcNow()) is Decision.Rejected rejected)
        {
            throw new ApiProblemException(ApiProblem.Rejected(rejected.Rejection));
        }

        var id = Guid.NewGuid().ToString("N");
        if (reason is not null)
        {
            await orders.AddReasonAsync(order.OrderId, id, e.GetType().Name, reason, clock.GetUtcNow(), ct);
        }

        await RaiseAsync(client, order.OrderId, id, e, ct);

        var o = options.Value;
        var deadline = clock.GetUtcNow() + o.ActionWait;
        var pause = o.ActionPoll;
        var latest = order;
        while (true)
        {
            var timeUp = clock.GetUtcNow() >= deadline;
            latest = await orders.GetAsync(order.OrderId, ct) ?? latest;
            // Once the order has moved, the ruling follows within one orchestrator episode: on the Azure Storage
            // backend the custom status is written when that episode ends, after the save, so it is read on
            // every pause from then on rather than only when the version moves again (which may be never).
            if (latest.State.Version > order.State.Version || timeUp)
            {
                var meta = await client.GetInstanceAsync(order.OrderId, getInputsAndOutputs: true, ct);
                var outcome = ReadProgress(meta?.SerializedCustomStatus)?.Outcomes.FirstOrDefault(x => x.Id == id);
                if (outcome is { Accepted: false })
                {
                    // The order moved on between the pre-check and the orchestration (a race): same problem, nothing changed.
                    var code = Enum.TryParse<RejectionCode>(outcome.Code, out var c) ? c : RejectionCode.Closed;
                    throw new ApiProblemException(ApiProblem.Rejected(new Rejection(code, outcome.Message ?? "The order cannot do that now.")));
                }

                if (outcome is not null && latest.State.Version >= outcome.Version)
                {
                    return new OrderApplied(latest, true);
                }

                if (timeUp)
                {
                    return new OrderApplied(latest, false);
                }
            }

            var left = deadline - clock.GetUtcNow();
            await Task.Delay(left < pause ? (left > TimeSpan.Zero ? left : TimeSpan.Zero) : pause, clock, ct);
            pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, MaxPause.Ticks));
        }
    }

    /// <summary>Hands an event to the order's orchestration. Stored as pending first: if the orchestration
    /// never takes the raised event (a generation restart, an orchestration that is down), it finds the
    /// event pending later, so a caller who got 202 has not lost it.</summary>
    public async Task RaiseAsync(DurableTaskClient client, string orderId, string eventId, OrderEvent e, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(client);
        await orders.AddPendingEventAsync(orderId, eventId, e, clock.GetUtcNow(), ct);
        try
        {
            await client.RaiseEventAsync(orderId, OrderOrchestration.EventName, new OrderEnvelope(eventId, e), ct);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            logger.LogWarning(failure, "Event {EventId} for order {OrderId} stored as pending; raising it failed", eventId, orderId);
        }
    }

    /// <summary>The longest pause between two reads of the order while an action waits.</summary>
    private static readonly TimeSpan MaxPause = TimeSpan.FromSeconds(1);

    private static string NewOrderId() => $"o{Guid.CreateVersion7():N}"[..21];

    public static OrderProgress? ReadProgress(string? serialized)
    {
        if (string.IsNullOrEmpty(serialized))
        {
            return null;
        }

        try
        {
            return DurableJson.Read<OrderProgress>(serialized);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
