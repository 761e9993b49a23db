namespace Dispatch.Core.Orders;

/// <summary>Why an event was refused. Hosts map these to problem details; nothing changes.</summary>
public enum RejectionCode
{
    /// <summary>The order does not exist yet, or was placed twice.</summary>
    NotPlaced,
    AlreadyPlaced,

    /// <summary>The order is confirmed or cancelled.</summary>
    Closed,

    /// <summary>No offer is open, or the offer is another member's.</summary>
    NotOffered,
    NotYourOffer,
    OfferExpired,

    /// <summary>Somebody else accepted or claimed it first.</summary>
    AlreadyTaken,

    /// <summary>This member already holds it; the repeat changes nothing.</summary>
    AlreadyAccepted,
    NotAssignee,
    NotAWish,
    NotDoneYet,
    AlreadyDone,
    TooLateToCancel,
    RatingOutOfRange,
    MemberExcluded,
    NotDispatching,

    /// <summary>A timer that no longer applies (late, duplicate or superseded). Hosts drop it quietly.</summary>
    StaleTimer,
}

public sealed record Rejection(RejectionCode Code, string Message);
