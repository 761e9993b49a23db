using Dispatch.Core.Members;
using Dispatch.Core.Time;

namespace Dispatch.Core.Matching;

/// <summary>The 168 hours of a China week as bits (day × 24 + hour), so "is this member free then" is one bit test
/// instead of a walk over their slots.</summary>
public readonly record struct WeekHours(ulong Low, ulong Middle, ulong High)
{
    public static WeekHours All { get; } = new(ulong.MaxValue, ulong.MaxValue, ulong.MaxValue);

    public static WeekHours Of(Availability availability)
    {
        ArgumentNullException.ThrowIfNull(availability);
        if (availability.Slots.IsDefaultOrEmpty)
        {
            return All;
        }

        Span<ulong> words = stackalloc ulong[3];
        foreach (var slot in availability.Slots)
        {
            for (var hour = Math.Max(0, slot.FromHour); hour < Math.Min(24, slot.ToHour); hour++)
            {
                var bit = ((int)slot.Day * 24) + hour;
                words[bit >> 6] |= 1UL << (bit & 63);
            }
        }

        return new(words[0], words[1], words[2]);
    }

    /// <summary>The bit of the China week hour holding <paramref name="instant"/>.</summary>
    public static int BitOf(DateTimeOffset instant)
    {
        var local = ChinaTime.ToChina(instant);
        return ((int)local.DayOfWeek * 24) + local.Hour;
    }

    /// <summary>Adds one to each hour of <paramref name="counts"/> (168 long) this week has, visiting set bits only.</summary>
    public void AddTo(int[] counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ReadOnlySpan<ulong> words = [Low, Middle, High];
        for (var w = 0; w < words.Length; w++)
        {
            for (var rest = words[w]; rest != 0; rest &= rest - 1)
            {
                var bit = (w << 6) + System.Numerics.BitOperations.TrailingZeroCount(rest);
                if (bit < counts.Length)
                {
                    counts[bit]++;
                }
            }
        }
    }

    public bool Has(int bit) => ((bit >> 6) switch { 0 => Low, 1 => Middle, _ => High } & (1UL << (bit & 63))) != 0;
}
