namespace Dispatch.Core.Orders;

public enum OrderStatus
{
    /// <summary>Waiting for the dispatcher to find the next member.</summary>
    Placed,

    /// <summary>A wish on the board, waiting for a member to claim it.</summary>
    Open,

    /// <summary>Offered to one member, waiting for their reply until the deadline.</summary>
    Offered,

    /// <summary>A member took it (accepted or claimed) and is to serve.</summary>
    Accepted,

    /// <summary>The member reported hours; waiting for the resident to confirm.</summary>
    Done,

    /// <summary>Confirmed: the service record is written. Terminal.</summary>
    Confirmed,

    /// <summary>Nobody took it: the community's organizers must act.</summary>
    Escalated,

    /// <summary>Withdrawn by the resident before service. Terminal.</summary>
    Cancelled,
}

public static class OrderStatusExtensions
{
    public static bool IsTerminal(this OrderStatus status) => status is OrderStatus.Confirmed or OrderStatus.Cancelled;
}
