using Dispatch.Core.Members;

namespace Dispatch.Core.Orders;

public enum OrderKind
{
    /// <summary>服务订单: a one-off service, dispatched to one member at a time.</summary>
    Service,

    /// <summary>微心愿: a small wish, put on the board for members to claim, dispatched if nobody does.</summary>
    Wish,
}

/// <summary>What the resident asked for, without who they are: names, phones, addresses and free text
/// live only in the order entity, never in the decider's state, events, effects or timers.</summary>
public sealed record OrderRequest(
    OrderKind Kind,
    ServiceCategory Category,
    Location Location,
    bool Urgent,
    DateTimeOffset? WantedAt)
{
    /// <summary>代下单: the organizer (grid worker) who placed the order for a resident without a smartphone; null
    /// when the resident placed it. An id, not personal data of the resident.</summary>
    public string? PlacedBy { get; init; }
}
