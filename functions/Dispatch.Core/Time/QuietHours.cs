namespace Dispatch.Core.Time;

/// <summary>The night window (China time) in which nobody is disturbed: no reminders, and no non-urgent
/// offer is made or runs. <see cref="From"/> after <see cref="Until"/> wraps past midnight; equal means never
/// quiet (<see cref="None"/>, for tests on the real clock). One definition shared by reminders and orders.</summary>
public sealed record QuietHours(TimeOnly From, TimeOnly Until)
{
    /// <summary>21:00–08:00 China Standard Time.</summary>
    public static QuietHours Night { get; } = new(new TimeOnly(21, 0), new TimeOnly(8, 0));

    public static QuietHours None { get; } = new(TimeOnly.MinValue, TimeOnly.MinValue);

    public bool IsQuiet(DateTimeOffset instant)
    {
        var time = TimeOnly.FromTimeSpan(ChinaTime.ToChina(instant).TimeOfDay);
        return From < Until ? time >= From && time < Until
            : From > Until && (time >= From || time < Until);
    }

    /// <summary>The instant itself outside quiet hours, else the end of the quiet hours it falls in.</summary>
    public DateTimeOffset NextAllowed(DateTimeOffset instant) => IsQuiet(instant) ? Next(Until, instant) : instant;

    /// <summary>Adds <paramref name="duration"/> of awake time to <paramref name="start"/>: the clock stops
    /// over quiet hours, so 2 h from 20:30 ends at 09:30 the next morning. A span ending exactly when quiet
    /// hours begin ends there.</summary>
    public DateTimeOffset AddAwake(DateTimeOffset start, TimeSpan duration)
    {
        var at = NextAllowed(start);
        if (From == Until)
        {
            return at + duration;
        }

        var left = duration;
        // Each pass crosses one night; a span of days needs as many passes.
        while (true)
        {
            var quietAt = Next(From, at);
            if (at + left <= quietAt)
            {
                return at + left;
            }

            left -= quietAt - at;
            at = Next(Until, quietAt);
        }
    }

    /// <summary>The first instant at or after <paramref name="after"/> whose China time of day is <paramref name="time"/>.</summary>
    private static DateTimeOffset Next(TimeOnly time, DateTimeOffset after)
    {
        var at = ChinaTime.StartOf(ChinaTime.DateOf(after)) + time.ToTimeSpan();
        return at < after ? at.AddDays(1) : at;
    }
}
