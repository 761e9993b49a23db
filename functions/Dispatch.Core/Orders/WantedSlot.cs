using Dispatch.Core.Time;

namespace Dispatch.Core.Orders;

public enum SlotDay
{
    Today,
    Tomorrow,
}

/// <summary>Parts of the day a resident can pick (China time): morning 08–12, afternoon 12–18, evening 18–21.</summary>
public enum DayPart
{
    Morning,
    Afternoon,
    Evening,
}

/// <summary>A time slot instead of a bare date-time: what residents can say and members can plan around.</summary>
public sealed record WantedSlot(SlotDay Day, DayPart Part)
{
    /// <summary>The slot's start and end as instants, "today" being the China date of <paramref name="now"/>.</summary>
    public (DateTimeOffset Start, DateTimeOffset End) On(DateTimeOffset now)
    {
        var date = ChinaTime.DateOf(now).AddDays(Day == SlotDay.Tomorrow ? 1 : 0);
        var (from, to) = Part switch
        {
            DayPart.Morning => (8, 12),
            DayPart.Afternoon => (12, 18),
            _ => (18, 21),
        };
        var midnight = ChinaTime.StartOf(date);
        return (midnight.AddHours(from), midnight.AddHours(to));
    }
}
