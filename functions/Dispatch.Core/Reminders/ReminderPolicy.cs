using Dispatch.Core.Time;

namespace Dispatch.Core.Reminders;

/// <summary>Timely, never spammy: no reminder in quiet hours (21:00–08:00 China Standard Time), at most
/// <see cref="DailyCap"/> per recipient per China day, and each key once. Pure: the sent list and the time
/// are passed in.</summary>
public sealed record ReminderPolicy
{
    public static ReminderPolicy Default { get; } = new();

    /// <summary>The shared night window: reminders wait for its end.</summary>
    public QuietHours Quiet { get; init; } = QuietHours.Night;

    public int DailyCap { get; init; } = 3;

    public bool IsQuiet(DateTimeOffset instant) => Quiet.IsQuiet(instant);

    /// <summary>The instant itself outside quiet hours, else the end of the quiet hours (China time).</summary>
    public DateTimeOffset NextAllowed(DateTimeOffset instant) => Quiet.NextAllowed(instant);

    /// <summary>Send now, defer, or drop. Checks run in this order: already sent (duplicate), too late
    /// (expired), not now (quiet hours or not yet wanted → defer, or expire if the deferral would be too
    /// late), then the day's cap — counted on the day it would actually be sent.</summary>
    public ReminderDecision Decide(Reminder reminder, IEnumerable<SentReminder> sent, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        ArgumentNullException.ThrowIfNull(sent);
        var history = sent as IReadOnlyCollection<SentReminder> ?? [.. sent];
        if (history.Any(s => s.Key == reminder.Key))
        {
            return new Drop(DropReason.Duplicate);
        }

        if (reminder.ExpiresAt is { } expires && now >= expires)
        {
            return new Drop(DropReason.Expired);
        }

        var at = NextAllowed(reminder.WantedAt > now ? reminder.WantedAt : now);
        if (at > now)
        {
            return reminder.ExpiresAt is { } e && at >= e ? new Drop(DropReason.Expired) : new DeferUntil(at);
        }

        var today = ChinaTime.DateOf(now);
        return history.Count(s => ChinaTime.DateOf(s.At) == today) >= DailyCap
            ? new Drop(DropReason.DailyCapReached)
            : SendNow.Instance;
    }
}
