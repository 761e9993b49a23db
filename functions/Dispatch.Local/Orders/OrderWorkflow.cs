using Dispatch.App.Orders;
using Dispatch.Core.Api;
using Dispatch.Core.Orders;
using Dispatch.Storage;

namespace Dispatch.Local.Orders;

/// <summary>Drives one order through the decider: read, decide, save with an ETag, then run the
/// effects. The effects wait in the order's outbox until they ran, so a crash between the save and the
/// effects loses nothing: the sweeper finds the order on the next start (<see cref="OutboxSweeper"/>). Updating the
/// organizer list and the inboxes is one of those effects (<see cref="ProjectViews"/>), written in the
/// same save as the order, so a crash cannot leave them stale for good.</summary>
public sealed class OrderWorkflow(
    OrderStore orders,
    IdempotencyStore idempotency,
    OrderDecider decider,
    TimeProvider clock,
    ILogger<OrderWorkflow> logger)
{
    /// <summary>How often a save is retried when another writer got there first.</summary>
    private const int SaveTries = 8;

    /// <summary>Places an order once per idempotency key: a resubmitted form returns the first order.</summary>
    public async Task<(StoredOrder Order, bool Created)> PlaceAsync(
        OrderRequest request, ResidentDetails resident, string? idempotencyKey, CancellationToken ct, Func<CancellationToken, Task<string?>>? reference = null)
    {
        var proposed = NewOrderId();
        var orderId = idempotencyKey is null ? proposed : await idempotency.ReserveOrderAsync(idempotencyKey, request, resident, proposed, ct);

        // Only a key reserved before names an order that may exist already; a fresh id cannot.
        if (orderId != proposed && await orders.GetAsync(orderId, ct) is { } existing)
        {
            return (existing, false);
        }

        var placed = new OrderPlaced(orderId, request, reference is null ? null : await reference(ct));
        var now = clock.GetUtcNow();
        var decision = decider.Place(placed, now);
        var effects = decision.Effects.Insert(0, new ProjectViews(orderId, decision.State.Version, PreviousOffer: null));
        var stored = await orders.CreateAsync(decision.State, resident, placed, now, effects, ct);
        var created = stored.State.Version == decision.State.Version && stored.State.PlacedAt == now;
        logger.LogInformation("Order {OrderId} placed: {Kind} {Category} in {CommunityId}/{GridId}", orderId,
            request.Kind, request.Category, request.Location.CommunityId, request.Location.GridId);
        return (stored, created);
    }

    /// <summary>Decides one event and saves the result; re-reads and re-decides when another writer
    /// saved first. Does not run effects, the projection included: call <see cref="EffectRunner"/> after.
    /// <paramref name="known"/>, the order as the caller just read or saved it, spares the first read.</summary>
    public async Task<(StoredOrder Order, Decision Decision)> ApplyAsync(string orderId, OrderEvent e, CancellationToken ct, StoredOrder? known = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            var stored = (attempt == 1 && known?.OrderId == orderId ? known : await orders.GetAsync(orderId, ct))
                         ?? throw new ApiProblemException(ApiProblem.NotFound("order"));
            var now = clock.GetUtcNow();
            var decided = decider.Decide(stored.State, e, now);
            if (decided is not Decision.Changed decision)
            {
                return (stored, decided);
            }

            try
            {
                var project = new ProjectViews(orderId, decision.State.Version, stored.State.Offer?.MemberId);
                var outbox = stored.Outbox.Add(project).AddRange(decision.Effects);
                var superseded = PendingTimers.Superseded(stored.State, decision.State, decider.Policy, now, decision.Effects);
                if (superseded.Length > 0)
                {
                    outbox = outbox.Add(new DropTimers(orderId, decision.State.Version, superseded));
                }

                var saved = await orders.SaveAsync(stored, decision.State, e, now, outbox, ct);
                return (saved, decision);
            }
            catch (ConcurrencyConflictException) when (attempt < SaveTries)
            {
                logger.LogDebug("Order {OrderId} changed under us; deciding {Event} again", orderId, e.GetType().Name);
            }
        }
    }

    private static string NewOrderId() => $"o{Guid.CreateVersion7():N}"[..21];
}
