namespace Dispatch.Core.Reminders;

/// <summary>How much a reminder's moment matters. Quiet hours hold for both: a reminder never wakes anyone,
/// because the thing it points at (an offer, a service) was already delivered and the lifecycle heals
/// itself if the member misses it (an unanswered offer goes to the next member).</summary>
public enum ReminderUrgency
{
    /// <summary>Still worth saying later the same day or the next morning (service tomorrow, confirm, quota).</summary>
    Routine,

    /// <summary>Pointless after <see cref="Reminder.ExpiresAt"/> (an offer about to run out, service within the
    /// hour). When several deferred reminders are released at 08:00, these take the day's slots first.</summary>
    TimeCritical,
}
