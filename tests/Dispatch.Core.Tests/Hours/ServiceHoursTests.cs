using Dispatch.Core.Hours;
using Dispatch.Core.Members;

namespace Dispatch.Core.Tests.Hours;

public class ServiceHoursTests
{
    [Theory]
    [InlineData(0.5, 1)]
    [InlineData(1.5, 3)]
    [InlineData(12, 24)]
    public void Half_hour_steps_from_half_an_hour_to_twelve_hours_are_accepted(decimal hours, int halfHours) =>
        Assert.Equal(halfHours, ServiceHours.FromHours(hours).HalfHours);

    [Theory]
    [InlineData(0)]
    [InlineData(0.25)]
    [InlineData(1.2)]
    [InlineData(12.5)]
    [InlineData(-1)]
    public void Other_figures_are_refused_with_a_named_error(decimal hours) =>
        Assert.Equal(hours, Assert.Throws<HoursOutOfRangeException>(() => ServiceHours.FromHours(hours)).Hours);

    private static readonly ServiceRecord Original = new(
        "o1", "o1", "m1", new Location("c1", "g1", "b1"), ServiceCategory.Repair, false, 4,
        new DateOnly(2026, 5, 1), DateTimeOffset.UnixEpoch, ConfirmedBy.Resident, 5);

    [Fact]
    public void A_correction_is_a_new_record_with_the_difference_and_the_reason()
    {
        var first = ServiceCorrection.Correct(Original, [], 6, "forgot travel time", DateTimeOffset.UnixEpoch);
        Assert.Equal(("o1~c1", 2, "o1", "forgot travel time"), (first.RecordId, first.HalfHours, first.CorrectsRecordId, first.Reason));
        var second = ServiceCorrection.Correct(Original, [first], 5, "double counted", DateTimeOffset.UnixEpoch);
        Assert.Equal(("o1~c2", -1), (second.RecordId, second.HalfHours));
        Assert.Equal(4, Original.HalfHours);
    }

    [Fact]
    public void A_correction_needs_a_reason_and_a_change()
    {
        Assert.Throws<InvalidCorrectionException>(() => ServiceCorrection.Correct(Original, [], 6, " ", DateTimeOffset.UnixEpoch));
        Assert.Throws<InvalidCorrectionException>(() => ServiceCorrection.Correct(Original, [], 4, "same", DateTimeOffset.UnixEpoch));
        Assert.Throws<InvalidCorrectionException>(() => ServiceCorrection.Correct(Original, [], 25, "too much", DateTimeOffset.UnixEpoch));
    }
}
