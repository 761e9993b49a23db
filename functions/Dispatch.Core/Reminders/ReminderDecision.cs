namespace Dispatch.Core.Reminders;

/// <summary>What <see cref="ReminderPolicy.Decide"/> says to do with a reminder.</summary>
public abstract record ReminderDecision;

public sealed record SendNow : ReminderDecision
{
    public static SendNow Instance { get; } = new();
}

/// <summary>Keep it and offer it again at <see cref="At"/> (the end of quiet hours, or when it is wanted).</summary>
public sealed record DeferUntil(DateTimeOffset At) : ReminderDecision;

public sealed record Drop(DropReason Reason) : ReminderDecision;

public enum DropReason
{
    /// <summary>The same key was already delivered to this recipient.</summary>
    Duplicate,

    /// <summary>The recipient already had the day's reminders. Dropped, not carried to tomorrow: reminders
    /// are about a moment (an offer, tomorrow's service), a day late they are wrong or noise, and a carried
    /// backlog would fill the next day too. The quota nudge is re-planned by the next day's sweep.</summary>
    DailyCapReached,

    /// <summary>It could only arrive after it stopped making sense (e.g. after the offer ran out).</summary>
    Expired,

    /// <summary>The order moved on (accepted elsewhere, cancelled, done) before a deferred reminder was due.</summary>
    Stale,
}
