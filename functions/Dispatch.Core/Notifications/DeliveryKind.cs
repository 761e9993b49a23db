namespace Dispatch.Core.Notifications;

/// <summary>What a delivery tells its recipient.</summary>
public enum DeliveryKind
{
    /// <summary>To a member: an order is offered to you (with the order-scoped offer link).</summary>
    Offer,

    /// <summary>To a member: a reminder the reminder policy let through (quiet hours, daily cap).</summary>
    Reminder,

    /// <summary>To the organizers: nobody took an order.</summary>
    Escalation,

    /// <summary>To a resident who agreed to updates: a member accepted your order (with the member's name).</summary>
    Accepted,

    /// <summary>To a resident who agreed to updates: the service is done, please confirm (with the tracking link).</summary>
    Done,

    /// <summary>To a resident who agreed to updates: the order is closed.</summary>
    Closed,

    /// <summary>To a member behind this year's quota: the quarter's nudge (its "order" is the nudge's key, e.g. quota-2026-Q4).</summary>
    QuotaNudge,

    /// <summary>To a community's organizers: the morning digest of escalated orders (its "order" is the digest's key).</summary>
    Digest,
}
