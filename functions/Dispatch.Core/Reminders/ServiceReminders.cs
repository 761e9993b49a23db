using Dispatch.Core.Orders;
using Dispatch.Core.Time;

namespace Dispatch.Core.Reminders;

/// <summary>When a member hears about a service they took: the evening before (inside allowed hours, so
/// it is not deferred) and an hour before.</summary>
public static class ServiceReminders
{
    /// <summary>China time on the day before the service; before 21:00 so quiet hours never hold it.</summary>
    public static readonly TimeOnly DayBeforeAt = new(20, 0);

    public static readonly TimeSpan SoonBefore = TimeSpan.FromHours(1);

    public static DateTimeOffset DayBefore(DateTimeOffset wantedAt) =>
        ChinaTime.StartOf(ChinaTime.DateOf(wantedAt).AddDays(-1)) + DayBeforeAt.ToTimeSpan();

    /// <summary>The timers to schedule when an order with a wanted time is taken; only those still ahead.
    /// <paramref name="round"/> is the attempt at acceptance, so a timer of an earlier taking is stale.</summary>
    public static IEnumerable<ScheduleTimer> Schedule(string orderId, DateTimeOffset? wantedAt, int round, DateTimeOffset now)
    {
        if (wantedAt is not { } wanted)
        {
            yield break;
        }

        if (DayBefore(wanted) is var tomorrow && tomorrow > now)
        {
            yield return new ScheduleTimer(orderId, TimerKind.ServiceTomorrow, round, tomorrow);
        }

        if (wanted - SoonBefore is var soon && soon > now)
        {
            yield return new ScheduleTimer(orderId, TimerKind.ServiceSoon, round, soon);
        }
    }
}
