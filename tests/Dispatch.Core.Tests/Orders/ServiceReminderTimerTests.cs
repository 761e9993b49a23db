using Dispatch.Core.Hours;
using Dispatch.Core.Orders;

namespace Dispatch.Core.Tests.Orders;

/// <summary>A member who took an order for a set time hears about it the evening before and an hour before —
/// and only while the order is still theirs.</summary>
public class ServiceReminderTimerTests
{
    private static readonly TimeSpan Cst = TimeSpan.FromHours(8);

    /// <summary>Tuesday 24 November 2026, 10:00 China time; the scenario starts Monday 09:00.</summary>
    private static readonly DateTimeOffset TuesdayTen = new(2026, 11, 24, 10, 0, 0, Cst);

    private static OrderScenario AcceptedFor(DateTimeOffset wanted)
    {
        var s = new OrderScenario(wantedAt: wanted);
        s.Offer("m1");
        s.Apply(new OfferAccepted("m1"));
        return s;
    }

    [Fact]
    public void Accepting_an_order_for_tomorrow_schedules_a_reminder_at_20_00_tonight_and_one_an_hour_before()
    {
        var s = AcceptedFor(TuesdayTen);
        var timers = s.Last.Effects.OfType<ScheduleTimer>().ToList();
        Assert.Contains(new ScheduleTimer("o1", TimerKind.ServiceTomorrow, 1, new DateTimeOffset(2026, 11, 23, 20, 0, 0, Cst)), timers);
        Assert.Contains(new ScheduleTimer("o1", TimerKind.ServiceSoon, 1, new DateTimeOffset(2026, 11, 24, 9, 0, 0, Cst)), timers);
    }

    [Fact]
    public void The_timers_tell_the_member_who_holds_the_order()
    {
        var s = AcceptedFor(TuesdayTen);
        s.At(TimeSpan.FromHours(11)).Apply(new TimerFired(TimerKind.ServiceTomorrow, 1));
        Assert.Equal(new Notify("o1", Recipient.Member, NoticeKind.ServiceTomorrow, "m1", "1"), s.Effect<Notify>());
        s.At(TimeSpan.FromHours(13)).Apply(new TimerFired(TimerKind.ServiceSoon, 1));
        Assert.Equal(new Notify("o1", Recipient.Member, NoticeKind.ServiceSoon, "m1", "1"), s.Effect<Notify>());
        Assert.Equal(OrderStatus.Accepted, s.State!.Status);
    }

    [Fact]
    public void Only_reminders_still_ahead_are_scheduled_and_orders_without_a_time_get_none()
    {
        // Accepted Monday 09:00 for Monday 09:30: yesterday 20:00 and 08:30 have passed.
        Assert.Empty(AcceptedFor(OrderScenario.Start.AddMinutes(30)).Last.Effects.OfType<ScheduleTimer>());

        // For Monday 15:00: no "tomorrow" (that was Sunday evening), but "soon" at 14:00.
        var today = Assert.Single(AcceptedFor(OrderScenario.Start.AddHours(6)).Last.Effects.OfType<ScheduleTimer>());
        Assert.Equal((TimerKind.ServiceSoon, OrderScenario.Start.AddHours(5)), (today.Kind, today.DueAt));

        var none = new OrderScenario();
        none.Offer("m1");
        Assert.Empty(none.Apply(new OfferAccepted("m1")).Effects.OfType<ScheduleTimer>());
    }

    [Fact]
    public void A_claimed_wish_with_a_time_is_reminded_too()
    {
        var s = new OrderScenario(OrderKind.Wish, wantedAt: TuesdayTen);
        var claimed = s.Apply(new WishClaimed("m2"));
        Assert.Equal(
            [TimerKind.ServiceTomorrow, TimerKind.ServiceSoon],
            claimed.Effects.OfType<ScheduleTimer>().Select(t => t.Kind));
        s.At(TimeSpan.FromHours(11)).Apply(new TimerFired(TimerKind.ServiceTomorrow, 0));
        Assert.Equal("m2", s.Effect<Notify>().MemberId);
    }

    [Fact]
    public void Cancelled_or_already_done_orders_get_no_service_reminder()
    {
        var cancelled = AcceptedFor(TuesdayTen);
        cancelled.Apply(new OrderCancelled());
        Assert.Equal(RejectionCode.StaleTimer, cancelled.At(TimeSpan.FromHours(11)).Try(new TimerFired(TimerKind.ServiceTomorrow, 1)).Refusal());

        var done = AcceptedFor(TuesdayTen);
        done.Apply(new HoursReported("m1", ServiceHours.FromHalfHours(2)));
        Assert.Equal(RejectionCode.StaleTimer, done.At(TimeSpan.FromHours(24)).Try(new TimerFired(TimerKind.ServiceSoon, 1)).Refusal());
    }

    [Fact]
    public void A_timer_from_another_round_is_stale()
    {
        var s = AcceptedFor(TuesdayTen);
        Assert.Equal(RejectionCode.StaleTimer, s.Try(new TimerFired(TimerKind.ServiceSoon, 2)).Refusal());
    }
}
