using CsCheck;
using Dispatch.Core.Matching;
using Dispatch.Core.Members;
using Dispatch.Core.Orders;
using Dispatch.Core.Time;
using static Dispatch.Core.Tests.Time.QuietHoursTests;

namespace Dispatch.Core.Tests.Orders;

/// <summary>Evening and night orders: non-urgent ones wait for 08:00 and their offers' clocks stop over
/// the night; urgent ones go out at once.</summary>
public class QuietHoursOrderTests
{
    private static readonly OrderDecider Decider = new(OrderPolicy.Default);

    private static readonly MatchReason Reason = new(Closeness.SameGrid, 3, 0, 0, 1, 5);

    private static OrderRequest Request(bool urgent = false, OrderKind kind = OrderKind.Service) =>
        new(kind, ServiceCategory.Repair, OrderScenario.Home, urgent, null);

    private static Decision.Changed Place(DateTimeOffset at, bool urgent = false) =>
        Decider.Place(new OrderPlaced("o1", Request(urgent)), at);

    private static Decision.Changed Decide(OrderState state, OrderEvent e, DateTimeOffset at) => Decider.Decide(state, e, at).AsChanged();

    [Fact]
    public void An_order_placed_at_21_37_waits_for_8_00_then_has_until_10_00()
    {
        var placed = Place(China(21, 37));

        Assert.Empty(placed.Effects.OfType<FindCandidate>());
        var wait = Assert.Single(placed.Effects.OfType<ScheduleTimer>());
        Assert.Equal((TimerKind.QuietHoursOver, 1, China(8, 0, 24)), (wait.Kind, wait.Round, wait.DueAt));
        Assert.Equal(China(8, 0, 24), placed.State.OfferFrom);
        Assert.Equal(Waiting.QuietHoursTimer, NextAction.Of(placed.State));

        var morning = Decide(placed.State, new TimerFired(TimerKind.QuietHoursOver, 1), China(8, 0, 24));
        Assert.Equal(1, Assert.Single(morning.Effects.OfType<FindCandidate>()).Attempt);
        Assert.Null(morning.State.OfferFrom);

        var offered = Decide(morning.State, new CandidateFound("m1", Reason), China(8, 0, 24));
        Assert.Equal(China(10, 0, 24), Assert.Single(offered.Effects.OfType<SendOffer>()).Deadline);
        Assert.Equal(China(9, 30, 24), offered.Effects.OfType<ScheduleTimer>().Single(t => t.Kind == TimerKind.OfferReminder).DueAt);
    }

    [Theory]
    [InlineData(2, 0)]
    [InlineData(7, 59)]
    public void An_order_placed_before_dawn_waits_for_8_00_the_same_day(int hour, int minute)
    {
        var placed = Place(China(hour, minute));
        Assert.Equal(China(8, 0), Assert.Single(placed.Effects.OfType<ScheduleTimer>()).DueAt);
        Assert.Empty(placed.Effects.OfType<FindCandidate>());
    }

    [Fact]
    public void An_order_placed_at_8_00_is_dispatched_at_once() =>
        Assert.Single(Place(China(8, 0)).Effects.OfType<FindCandidate>());

    [Fact]
    public void An_urgent_order_goes_out_at_night_with_its_30_minutes()
    {
        var placed = Place(China(21, 37), urgent: true);
        Assert.Single(placed.Effects.OfType<FindCandidate>());
        Assert.Null(placed.State.OfferFrom);

        var offered = Decide(placed.State, new CandidateFound("m1", Reason), China(21, 37));
        Assert.Equal(China(22, 7), offered.Effects.OfType<SendOffer>().Single().Deadline);
    }

    [Fact]
    public void An_offer_at_20_30_gets_its_remaining_time_after_8_00_and_its_reminder_is_in_the_morning()
    {
        var placed = Place(China(20, 30));
        var offered = Decide(placed.State, new CandidateFound("m1", Reason), China(20, 30));

        Assert.Equal(China(9, 30, 24), offered.Effects.OfType<SendOffer>().Single().Deadline);
        var timers = offered.Effects.OfType<ScheduleTimer>().ToDictionary(t => t.Kind, t => t.DueAt);
        Assert.Equal(China(9, 0, 24), timers[TimerKind.OfferReminder]);
        Assert.Equal(China(9, 30, 24), timers[TimerKind.OfferDeadline]);
    }

    [Fact]
    public void A_reminder_that_would_fall_in_the_night_comes_at_8_00()
    {
        var placed = Place(China(19, 15));
        var offered = Decide(placed.State, new CandidateFound("m1", Reason), China(19, 15));
        var timers = offered.Effects.OfType<ScheduleTimer>().ToDictionary(t => t.Kind, t => t.DueAt);
        Assert.Equal((China(8, 0, 24), China(8, 15, 24)), (timers[TimerKind.OfferReminder], timers[TimerKind.OfferDeadline]));
    }

    [Fact]
    public void A_decline_at_night_waits_for_the_morning_before_the_next_member_is_asked()
    {
        var offered = Decide(Place(China(20, 30)).State, new CandidateFound("m1", Reason), China(20, 30));
        var declined = Decide(offered.State, new OfferDeclined("m1"), China(22, 0));

        Assert.Empty(declined.Effects.OfType<FindCandidate>());
        Assert.Equal(
            (TimerKind.QuietHoursOver, 2, China(8, 0, 24)),
            declined.Effects.OfType<ScheduleTimer>().Select(t => (t.Kind, t.Round, t.DueAt)).Single());
        Assert.Equal(
            [new ScheduleTimer("o1", TimerKind.QuietHoursOver, 2, China(8, 0, 24))],
            PendingTimers.For(declined.State, Decider.Policy, China(22, 0)));
        var morning = Decide(declined.State, new TimerFired(TimerKind.QuietHoursOver, 2), China(8, 0, 24));
        Assert.Equal("m1", Assert.Single(Assert.Single(morning.Effects.OfType<FindCandidate>()).Excluded));
    }

    [Fact]
    public void A_wish_whose_board_time_ends_at_night_is_dispatched_in_the_morning()
    {
        var wish = Decider.Place(new OrderPlaced("o1", Request(kind: OrderKind.Wish)), China(23, 0) - Decider.Policy.WishBoardPeriod);
        var expired = Decide(wish.State, new TimerFired(TimerKind.BoardExpiry, 0), China(23, 0));

        Assert.Equal(OrderStatus.Placed, expired.State.Status);
        Assert.Equal(China(8, 0, 24), Assert.Single(expired.Effects.OfType<ScheduleTimer>()).DueAt);
    }

    [Fact]
    public void A_morning_timer_after_a_cancellation_is_stale()
    {
        var cancelled = Decide(Place(China(21, 37)).State, new OrderCancelled(), China(22, 0));
        Assert.IsType<Decision.Rejected>(Decider.Decide(cancelled.State, new TimerFired(TimerKind.QuietHoursOver, 1), China(8, 0, 24)));
    }

    /// <summary>Random placement times over two days and random member replies: every non-urgent offer is
    /// made in the day, and its window holds exactly the offer time of awake minutes (counted minute by minute,
    /// independently of the code under test) and ends awake; its reminder is awake and inside the window.</summary>
    [Fact]
    public void No_non_urgent_offer_runs_through_quiet_hours()
    {
        var night = QuietHours.Night;
        var gen = Gen.Select(Gen.Int[0, 2 * 24 * 60], Gen.Int[0, 300].Array[3]);
        gen.Sample((placedMinute, replies) =>
        {
            var now = China(0, 0) + TimeSpan.FromMinutes(placedMinute);
            var decision = Place(now);
            var timers = new List<ScheduleTimer>();
            var effects = decision.Effects;
            for (var step = 0; step < 12 && !decision.State.IsTerminal; step++)
            {
                timers.AddRange(effects.OfType<ScheduleTimer>());
                if (effects.OfType<SendOffer>().SingleOrDefault() is { } offer)
                {
                    Assert.False(night.IsQuiet(now), $"offered at {now} in quiet hours");
                    Assert.True(120 == AwakeMinutes(now, offer.Deadline), $"offered {now}, deadline {offer.Deadline}: {AwakeMinutes(now, offer.Deadline)} awake minutes");
                    Assert.False(night.IsQuiet(offer.Deadline.AddMinutes(-1)));
                    if (timers.SingleOrDefault(t => t.Kind == TimerKind.OfferReminder && t.Round == offer.Attempt) is { } reminder)
                    {
                        Assert.False(night.IsQuiet(reminder.DueAt));
                        Assert.InRange(reminder.DueAt, now, offer.Deadline);
                    }

                    var reply = now + TimeSpan.FromMinutes(replies[offer.Attempt % replies.Length]);
                    if (reply < offer.Deadline)
                    {
                        (now, decision) = (reply, Decide(decision.State, new OfferDeclined(offer.MemberId), reply));
                        effects = decision.Effects;
                        continue;
                    }
                }

                if (effects.OfType<FindCandidate>().SingleOrDefault() is { } find)
                {
                    decision = Decide(decision.State, new CandidateFound($"m{find.Attempt}", Reason), now);
                    effects = decision.Effects;
                    continue;
                }

                var due = timers.Where(t => t.DueAt >= now).MinBy(t => t.DueAt);
                if (due is null)
                {
                    break;
                }

                timers.Remove(due);
                now = due.DueAt;
                effects = [];
                if (Decider.Decide(decision.State, new TimerFired(due.Kind, due.Round), now) is Decision.Changed changed)
                {
                    decision = changed;
                    effects = changed.Effects;
                }
            }
        }, iter: 1000);
    }

    private static int AwakeMinutes(DateTimeOffset from, DateTimeOffset to)
    {
        var count = 0;
        for (var at = from; at < to; at = at.AddMinutes(1))
        {
            count += QuietHours.Night.IsQuiet(at) ? 0 : 1;
        }

        return count;
    }
}
