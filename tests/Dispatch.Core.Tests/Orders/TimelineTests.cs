using Dispatch.Core.Api;
using Dispatch.Core.Orders;

namespace Dispatch.Core.Tests.Orders;

/// <summary>The resident's timeline says what happened: a reminder to the member is not a message to staff.</summary>
public class TimelineTests
{
    [Theory]
    [InlineData(TimerKind.ServiceTomorrow, "serviceReminder")]
    [InlineData(TimerKind.ServiceSoon, "serviceReminder")]
    [InlineData(TimerKind.ConfirmEscalation, "toOrganizers")]
    [InlineData(TimerKind.OfferReminder, "reminded")]
    [InlineData(TimerKind.OfferDeadline, "expired")]
    public void Each_timer_is_told_as_what_it_did(TimerKind kind, string what) =>
        Assert.Equal(what, OrderViews.What(new TimerFired(kind, 1)));

    [Fact]
    public void Every_timer_has_its_own_words() =>
        Assert.All(Enum.GetValues<TimerKind>(), kind => Assert.NotEqual("updated", OrderViews.What(new TimerFired(kind, 1))));
}
