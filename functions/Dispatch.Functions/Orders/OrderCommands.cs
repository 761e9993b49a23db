using System.Text.Json;
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
    OrderDecider decider,
    TimeProvider clock,
    IOptions<DispatchOptions> options,
    ILogger<OrderCommands> logger)
{
    private static readonly JsonSerializerOptions StatusJson = new(JsonSerializerDefaults.Web);

    /// <summary>The result of an action: the order as stored after it, and whether the orchestration has
    /// applied the event yet (false: still queued when the wait ran out).</summary>
    public sealed record Applied(StoredOrder Order, bool Done);

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

        var run = new OrderRun(placed.OrderId, placed.Request, placed.PlacedAt, decider.Policy);
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(
                OrderOrchestration.Name, Payload.Write(run), new StartOrchestrationOptions(InstanceId: placed.OrderId), ct);
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
    /// nothing is sent), raises it to the orchestration, and waits for its ruling and the save.</summary>
    /// <exception cref="ApiProblemException">The decider refused the event.</exception>
    public async Task<Applied> ApplyAsync(DurableTaskClient client, StoredOrder order, OrderEvent e, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(order);
        var check = decider.Decide(order.State, e, clock.GetUtcNow());
        if (!check.Accepted)
        {
            throw new ApiProblemException(ApiProblem.Rejected(check.Rejection!));
        }

        var id = Guid.NewGuid().ToString("N");
        await client.RaiseEventAsync(order.OrderId, OrderOrchestration.EventName, Payload.Write(new OrderEnvelope(id, e)), ct);

        var o = options.Value;
        var deadline = clock.GetUtcNow() + o.ActionWait;
        EventOutcome? outcome = null;
        while (outcome is null && clock.GetUtcNow() < deadline)
        {
            var meta = await client.GetInstanceAsync(order.OrderId, getInputsAndOutputs: true, ct);
            outcome = ReadProgress(meta?.SerializedCustomStatus)?.Outcomes.FirstOrDefault(x => x.Id == id);
            if (outcome is null)
            {
                await Task.Delay(o.ActionPoll, clock, ct);
            }
        }

        if (outcome is { Accepted: false })
        {
            // The order moved on between the pre-check and the orchestration (a race): same problem, nothing changed.
            var code = Enum.TryParse<RejectionCode>(outcome.Code, out var c) ? c : RejectionCode.Closed;
            throw new ApiProblemException(ApiProblem.Rejected(new Rejection(code, outcome.Message ?? "The order cannot do that now.")));
        }

        var latest = order;
        while (clock.GetUtcNow() < deadline)
        {
            latest = await orders.GetAsync(order.OrderId, ct) ?? latest;
            if (outcome is not null && latest.State.Version >= outcome.Version)
            {
                return new Applied(latest, true);
            }

            if (outcome is null)
            {
                break;
            }

            await Task.Delay(o.ActionPoll, clock, ct);
        }

        return new Applied(latest, false);
    }

    public static OrderProgress? ReadProgress(string? serialized)
    {
        if (string.IsNullOrEmpty(serialized))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<OrderProgress>(serialized, StatusJson);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
