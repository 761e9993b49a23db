using Dispatch.Core.Api;
using Dispatch.Core.Orders;
using Dispatch.Storage;

namespace Dispatch.Local.Orders;

/// <summary>The local host's <see cref="IOrderEngine"/>: the workflow decides and saves in this process, then the
/// effects run before the answer, so an action is always applied when it answers (never 202).</summary>
public sealed class LocalOrderEngine(OrderWorkflow workflow, EffectRunner runner, OrderReader reader) : IOrderEngine
{
    public async Task<OrderPlacement> PlaceAsync(OrderRequest request, ResidentDetails resident, string? idempotencyKey, Func<CancellationToken, Task<string?>> reference, CancellationToken ct)
    {
        var (order, created) = await workflow.PlaceAsync(request, resident, idempotencyKey, ct, reference);
        // The status after the first effects (a dispatch may have made an offer already).
        var after = await runner.RunAsync(order, ct) ?? await reader.LoadAsync(order.OrderId, ct);
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

        var after = await runner.RunAsync(saved, ct) ?? await reader.LoadAsync(order.OrderId, ct);
        return new OrderApplied(after, Done: true);
    }
}
