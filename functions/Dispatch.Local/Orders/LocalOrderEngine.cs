using Dispatch.Core.Api;
using Dispatch.Core.Orders;
using Dispatch.Storage;

namespace Dispatch.Local.Orders;

/// <summary>The local host's <see cref="IOrderEngine"/>: the workflow decides and saves in this process, then the
/// effects that set the order's course run before it (a dispatch and its offer, timers), so an action is always applied
/// when it answers (never 202). The follow-ups (lists, inboxes, notices, the service record) run just after it
/// (<see cref="DeferredEffects"/>).</summary>
public sealed class LocalOrderEngine(OrderWorkflow workflow, EffectRunner runner, DeferredEffects followUps, OrderReader reader) : IOrderEngine
{
    public async Task<OrderPlacement> PlaceAsync(OrderRequest request, ResidentDetails resident, string? idempotencyKey, Func<CancellationToken, Task<string?>> reference, CancellationToken ct)
    {
        var (order, created) = await workflow.PlaceAsync(request, resident, idempotencyKey, ct, reference);
        // The status after the first effects (a dispatch may have made an offer already).
        var after = await RunAsync(order, ct);
        return new OrderPlacement(after, created);
    }

    public async Task<OrderApplied> ApplyAsync(StoredOrder order, OrderEvent e, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(order);
        var (saved, decision) = await workflow.ApplyAsync(order.OrderId, e, ct, order);
        if (decision is Decision.Rejected rejected)
        {
            throw new ApiProblemException(ApiProblem.Rejected(rejected.Rejection));
        }

        var after = await RunAsync(saved, ct);
        return new OrderApplied(after, Done: true);
    }

    private async Task<StoredOrder> RunAsync(StoredOrder saved, CancellationToken ct)
    {
        var (after, done) = await runner.RunDecisiveAsync(saved, ct);
        if (after is not null && !after.Outbox.IsEmpty)
        {
            followUps.Enqueue(after, done);
        }

        return after ?? await reader.LoadAsync(saved.OrderId, ct);
    }
}
