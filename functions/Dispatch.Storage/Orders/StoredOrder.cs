using System.Collections.Immutable;
using Azure;
using Dispatch.Core.Orders;

namespace Dispatch.Storage;

/// <summary>An order as stored: the decider's state, the resident's details (kept only here), the effects
/// still to run, and the ETag that guards the next save.</summary>
public sealed record StoredOrder(
    OrderState State,
    ResidentDetails Resident,
    ImmutableArray<OrderEffect> Outbox,
    ETag ETag)
{
    public string OrderId => State.OrderId;

    /// <summary>The event that made this version and when, kept on the order row so its history row can be
    /// (re)written by the next save or read by <see cref="OrderStore.HistoryAsync"/> after a crash.</summary>
    internal (OrderEvent Event, DateTimeOffset At)? Last { get; init; }

    /// <summary>Earlier versions' events kept on the order row itself (not yet spilled to history rows), oldest first:
    /// a save then writes one row, not two.</summary>
    internal ImmutableArray<EarlierEvent> Earlier { get; init; } = [];

    /// <summary>Whether the resident added a photo (<see cref="OrderStore.MarkPhotoAsync"/>), so views need not ask the
    /// blob store; null for an order stored before the flag existed.</summary>
    public bool? HasPhoto { get; init; }
}

/// <summary>An earlier version's event as the order row keeps it (no personal data).</summary>
internal sealed record EarlierEvent(int Version, OrderEvent Event, DateTimeOffset At);

/// <summary>One accepted event of an order, as kept in its history (no personal data).</summary>
public sealed record OrderHistoryEntry(int Version, OrderEvent Event, DateTimeOffset At, Actor Actor);
