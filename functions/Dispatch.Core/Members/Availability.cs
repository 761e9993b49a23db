using System.Collections.Immutable;
using Dispatch.Core.Time;

namespace Dispatch.Core.Members;

/// <summary>A weekly slot in China Standard Time, hours [From, To).</summary>
public sealed record WeeklySlot(DayOfWeek Day, int FromHour, int ToHour)
{
    public bool Contains(DateTimeOffset instant)
    {
        var local = ChinaTime.ToChina(instant);
        return local.DayOfWeek == Day && local.Hour >= FromHour && local.Hour < ToHour;
    }
}

/// <summary>When a member is available to serve. Empty means "any time".</summary>
public sealed record Availability(ImmutableArray<WeeklySlot> Slots)
{
    public static Availability AnyTime { get; } = new(ImmutableArray<WeeklySlot>.Empty);

    public bool IsAvailableAt(DateTimeOffset instant) =>
        Slots.IsDefaultOrEmpty || Slots.Any(s => s.Contains(instant));
}
