namespace Dispatch.Core.Orders;

public enum Waiting
{
    /// <summary>Terminal: nothing more will happen.</summary>
    Nothing,

    /// <summary>The dispatcher must answer <see cref="FindCandidate"/>.</summary>
    Dispatcher,

    /// <summary>A member may claim the wish until the board timer.</summary>
    ClaimOrBoardTimer,

    /// <summary>The offered member replies, or the offer deadline timer fires.</summary>
    MemberReplyOrDeadline,

    /// <summary>The assigned member serves and reports hours (or the resident cancels).</summary>
    MemberReport,

    /// <summary>The resident confirms or disputes; confirmation timers run.</summary>
    ResidentConfirmation,

    /// <summary>Organizers dispatch by hand (or a member claims a wish).</summary>
    Organizer,

    /// <summary>A non-urgent order placed in quiet hours: the morning timer dispatches it.</summary>
    QuietHoursTimer,
}

/// <summary>What an order waits for now: every non-terminal order waits on a named event or timer.</summary>
public static class NextAction
{
    public static Waiting Of(OrderState state) => state.Status switch
    {
        OrderStatus.Confirmed or OrderStatus.Cancelled => Waiting.Nothing,
        OrderStatus.Placed => state.OfferFrom is null ? Waiting.Dispatcher : Waiting.QuietHoursTimer,
        OrderStatus.Open => Waiting.ClaimOrBoardTimer,
        OrderStatus.Offered => Waiting.MemberReplyOrDeadline,
        OrderStatus.Accepted => Waiting.MemberReport,
        OrderStatus.Done => state.AwaitingOrganizerConfirmation ? Waiting.Organizer : Waiting.ResidentConfirmation,
        OrderStatus.Escalated => Waiting.Organizer,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state.Status, "Unknown status."),
    };
}
