using Dispatch.Core.Orders;
using Dispatch.Storage;

namespace Dispatch.App.Orders;

/// <summary>What truly differs between the hosts in running an order: the local host stores and decides in
/// process (OrderWorkflow, then its effects), the Azure host hands the order to its Durable orchestration. The
/// rules around it — validation, links, idempotency, events, views, answers — are <see cref="OrderUseCases"/>.</summary>
public interface IOrderEngine
{
    /// <summary>Stores a new order once per idempotency key (a resubmitted form gets the first order) and starts it;
    /// <paramref name="reference"/> gives its readable reference for its first state, asked only when the order is new,
    /// so a resubmitted form neither burns a number nor needs one remembered per key.</summary>
    /// <exception cref="Dispatch.Core.Api.ApiProblemException">422 idempotency-key-reused.</exception>
    Task<OrderPlacement> PlaceAsync(OrderRequest request, ResidentDetails resident, string? idempotencyKey, Func<CancellationToken, Task<string?>> reference, CancellationToken ct);

    /// <summary>Applies an event already authorized by the caller's link; a rejection by the decider throws its
    /// problem and changes nothing.</summary>
    /// <exception cref="Dispatch.Core.Api.ApiProblemException">The decider refused the event.</exception>
    Task<OrderApplied> ApplyAsync(StoredOrder order, OrderEvent e, CancellationToken ct);
}

/// <summary>The order as stored after placing it, and whether this call created it (false: the key's first order).</summary>
public sealed record OrderPlacement(StoredOrder Order, bool Created);

/// <summary>The order after an action, and whether the event is applied yet (false: the Azure host's orchestration
/// has it queued when the wait ran out; the answer is then 202).</summary>
public sealed record OrderApplied(StoredOrder Order, bool Done);
