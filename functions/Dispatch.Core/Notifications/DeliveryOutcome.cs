namespace Dispatch.Core.Notifications;

/// <summary>Where a delivery stands. <see cref="Failed"/> is the dead letter: every attempt
/// <see cref="DeliveryPolicy"/> allows was made, and organizers see it.</summary>
public enum DeliveryOutcome
{
    /// <summary>Being sent now (a crash leaves it here; the retry pass picks it up).</summary>
    Pending,

    Sent,

    /// <summary>An attempt failed; the next one is due at the row's <c>NextAttemptAt</c>.</summary>
    Retrying,

    Failed,
}
