using Dispatch.App.Orders;
using Dispatch.Core.Orders;
using Dispatch.Storage;
using Microsoft.DurableTask.Client;

namespace Dispatch.Functions.Orders;

/// <summary>The Azure host's <see cref="IOrderEngine"/>, built per call with the function's Durable client: the order's
/// orchestration applies events; an event it has not applied within the wait is answered 202 (Done false).</summary>
public sealed class DurableOrderEngine(OrderCommands commands, DurableTaskClient client) : IOrderEngine
{
    public Task<OrderPlacement> PlaceAsync(OrderRequest request, ResidentDetails resident, string? idempotencyKey, Func<CancellationToken, Task<string?>> reference, CancellationToken ct) =>
        commands.PlaceAsync(client, request, resident, idempotencyKey, ct, reference);

    public Task<OrderApplied> ApplyAsync(StoredOrder order, OrderEvent e, CancellationToken ct)
    {
        var (bare, reason) = Split(e);
        return commands.ApplyAsync(client, order, bare, ct, reason);
    }

    // Free-text reasons travel beside the event, never in it: the orchestration's history holds ids only.
    private static (OrderEvent Event, string? Reason) Split(OrderEvent e) => e switch
    {
        OrderCancelled c => (c with { Reason = null }, c.Reason),
        ServiceDisputed d => (d with { Reason = null }, d.Reason),
        OfferDeclined o => (o with { Reason = null }, o.Reason),
        ServiceConfirmed s => (s with { Reason = null }, s.Reason),
        _ => (e, null),
    };
}
