using Dispatch.Core.Time;

namespace Dispatch.Core.Tests.Time;

public class QuietHoursTests
{
    private static readonly QuietHours Night = QuietHours.Night;

    /// <summary>An instant on Monday 23 November 2026 (China time), or the day after.</summary>
    internal static DateTimeOffset China(int hour, int minute = 0, int day = 23) => new(2026, 11, day, hour, minute, 0, ChinaTime.Offset);

    [Theory]
    [InlineData(20, 59, false)]
    [InlineData(21, 0, true)]
    [InlineData(21, 37, true)]
    [InlineData(2, 0, true)]
    [InlineData(7, 59, true)]
    [InlineData(8, 0, false)]
    public void Quiet_from_21_to_8_China_time(int hour, int minute, bool quiet) =>
        Assert.Equal(quiet, Night.IsQuiet(China(hour, minute)));

    [Fact]
    public void Quiet_instants_move_to_the_next_morning_and_others_stay()
    {
        Assert.Equal(China(8, 0, 24), Night.NextAllowed(China(21, 37)));
        Assert.Equal(China(8, 0), Night.NextAllowed(China(2, 0)));
        Assert.Equal(China(8, 0), Night.NextAllowed(China(7, 59)));
        Assert.Equal(China(8, 0), Night.NextAllowed(China(8, 0)));
        Assert.Equal(China(20, 30), Night.NextAllowed(China(20, 30)));
    }

    [Theory]
    [InlineData(20, 30, 9, 30, 24)] // 30 min before the night, 90 after it
    [InlineData(21, 37, 10, 0, 24)]
    [InlineData(2, 0, 10, 0, 23)]
    [InlineData(7, 59, 10, 0, 23)]
    [InlineData(8, 0, 10, 0, 23)]
    [InlineData(19, 0, 21, 0, 23)] // ends exactly as the night begins
    [InlineData(19, 15, 8, 15, 24)]
    public void Two_hours_of_awake_time_pause_over_the_night(int hour, int minute, int endHour, int endMinute, int endDay) =>
        Assert.Equal(China(endHour, endMinute, endDay), Night.AddAwake(China(hour, minute), TimeSpan.FromHours(2)));

    [Fact]
    public void None_is_never_quiet()
    {
        Assert.False(QuietHours.None.IsQuiet(China(2, 0)));
        Assert.Equal(China(23, 0), QuietHours.None.AddAwake(China(21, 0), TimeSpan.FromHours(2)));
    }
}
