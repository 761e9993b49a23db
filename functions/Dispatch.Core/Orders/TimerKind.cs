namespace Dispatch.Core.Orders;

public enum TimerKind
{
    /// <summary>Remind the offered member shortly before the offer runs out.</summary>
    OfferReminder,

    /// <summary>The offer runs out: re-dispatch.</summary>
    OfferDeadline,

    /// <summary>A wish has waited on the board long enough: dispatch it.</summary>
    BoardExpiry,

    /// <summary>Ask the resident again to confirm the service.</summary>
    ConfirmReminder,

    /// <summary>The resident has not confirmed: hand confirmation to the organizers.</summary>
    ConfirmEscalation,

    /// <summary>The evening before the wanted day: remind the member who took the order.</summary>
    ServiceTomorrow,

    /// <summary>An hour before the wanted time: remind the member who took the order.</summary>
    ServiceSoon,

    /// <summary>Quiet hours are over: offer the non-urgent order that waited for the morning.</summary>
    QuietHoursOver,
}
