using System.Collections.Immutable;
using CsCheck;
using Dispatch.Core.Hours;
using Dispatch.Core.Matching;
using Dispatch.Core.Members;
using Dispatch.Core.Orders;

namespace Dispatch.Core.Tests.Orders;

/// <summary>Laws of the lifecycle over random event sequences: whatever residents, members, organizers
/// and timers do, and in whatever order, the order never reaches a forbidden state.</summary>
public class OrderLawsTests
{
    private static readonly HashSet<(OrderStatus From, OrderStatus To)> Allowed =
    [
        (OrderStatus.Placed, OrderStatus.Offered), (OrderStatus.Placed, OrderStatus.Escalated),
        (OrderStatus.Placed, OrderStatus.Accepted), (OrderStatus.Placed, OrderStatus.Cancelled),
        (OrderStatus.Open, OrderStatus.Placed), (OrderStatus.Open, OrderStatus.Offered),
        (OrderStatus.Open, OrderStatus.Accepted), (OrderStatus.Open, OrderStatus.Cancelled),
        (OrderStatus.Offered, OrderStatus.Offered), (OrderStatus.Offered, OrderStatus.Placed),
        (OrderStatus.Offered, OrderStatus.Accepted), (OrderStatus.Offered, OrderStatus.Escalated),
        (OrderStatus.Offered, OrderStatus.Cancelled),
        (OrderStatus.Escalated, OrderStatus.Offered), (OrderStatus.Escalated, OrderStatus.Accepted),
        (OrderStatus.Escalated, OrderStatus.Cancelled),
        (OrderStatus.Accepted, OrderStatus.Done), (OrderStatus.Accepted, OrderStatus.Cancelled),
        (OrderStatus.Done, OrderStatus.Accepted), (OrderStatus.Done, OrderStatus.Confirmed),
    ];

    private static readonly string[] Members = ["m1", "m2", "m3"];

    private static readonly Gen<OrderEvent> GenEvent =
        Gen.Select(Gen.Int[0, 14], Gen.Int[0, 2], Gen.Int[0, 4], (kind, m, n) => Make(kind, Members[m], n));

    /// <summary>Kind, urgency, a wanted time (none, or 0–72 h after placing) and the events.</summary>
    private static readonly Gen<(OrderKind Kind, bool Urgent, int? WantedInMinutes, (OrderEvent Event, int Minutes)[] Steps)> GenRun =
        Gen.Select(
            Gen.Enum<OrderKind>(),
            Gen.Bool,
            Gen.Int[-1, 72 * 60].Select(m => m < 0 ? (int?)null : m),
            Gen.Select(GenEvent, Gen.Int[0, 200]).Array[1, 60]);

    [Fact]
    public void No_event_sequence_reaches_a_state_the_lifecycle_forbids()
    {
        GenRun.Sample(run =>
        {
            foreach (var (before, decision, _) in Drive(run))
            {
                var after = decision.State;
                if (after.Status != before.Status)
                {
                    Assert.Contains((before.Status, after.Status), Allowed);
                }

                Assert.Equal(before.Version + 1, after.Version);
                Assert.Equal(after.Status == OrderStatus.Offered, after.Offer is not null);
                if (after.Status != OrderStatus.Cancelled)
                {
                    // A cancelled order remembers who had taken it; every other state has a member exactly when taken.
                    Assert.Equal(after.Status is OrderStatus.Accepted or OrderStatus.Done or OrderStatus.Confirmed, after.MemberId is not null);
                }

                Assert.Equal(after.Status is OrderStatus.Done or OrderStatus.Confirmed, after.Hours is not null);
            }
        }, iter: 3000);
    }

    [Fact]
    public void Hours_are_credited_exactly_once_and_only_for_a_confirmed_order()
    {
        GenRun.Sample(run =>
        {
            var steps = Drive(run).ToList();
            var records = steps.SelectMany(s => s.Decision.Effects.OfType<RecordService>()).ToList();
            var final = steps.Count == 0 ? null : steps[^1].Decision.State;
            if (final?.Status == OrderStatus.Confirmed)
            {
                var record = Assert.Single(records).Record;
                Assert.Equal((final.MemberId, final.Hours!.Value.HalfHours), (record.MemberId, record.HalfHours));
            }
            else
            {
                Assert.Empty(records);
            }
        }, iter: 3000);
    }

    [Fact]
    public void Every_order_is_terminal_or_waits_on_a_named_event_or_a_scheduled_timer()
    {
        GenRun.Sample(run =>
        {
            var timers = new HashSet<(TimerKind, int)>();
            var asked = new HashSet<int>();
            foreach (var (_, decision, _) in Drive(run))
            {
                foreach (var effect in decision.Effects)
                {
                    if (effect is ScheduleTimer t) timers.Add((t.Kind, t.Round));
                    if (effect is FindCandidate f) asked.Add(f.Attempt);
                }

                var state = decision.State;
                var waiting = NextAction.Of(state);
                Assert.Equal(state.IsTerminal, waiting == Waiting.Nothing);
                switch (waiting)
                {
                    case Waiting.MemberReplyOrDeadline:
                        Assert.Contains((TimerKind.OfferDeadline, state.Attempt), timers);
                        break;
                    case Waiting.Dispatcher:
                        Assert.Contains(state.Attempt + 1, asked);
                        break;
                    case Waiting.ClaimOrBoardTimer:
                        Assert.Contains((TimerKind.BoardExpiry, 0), timers);
                        break;
                    case Waiting.QuietHoursTimer:
                        Assert.Contains((TimerKind.QuietHoursOver, state.Attempt + 1), timers);
                        break;
                    case Waiting.ResidentConfirmation:
                        Assert.Contains((TimerKind.ConfirmEscalation, state.ConfirmRound), timers);
                        break;
                }
            }
        }, iter: 3000);
    }

    [Fact]
    public void A_terminal_order_refuses_everything_and_automatic_dispatch_stops_at_the_attempt_limit()
    {
        GenRun.Sample(run =>
        {
            var decider = new OrderDecider(OrderPolicy.Default);
            OrderState? state = null;
            var now = OrderScenario.Start;
            state = decider.Place(Placed(run), now).State;
            foreach (var (e, minutes) in run.Steps)
            {
                now = now.AddMinutes(minutes);
                var d = decider.Decide(state, e, now);
                if (state!.IsTerminal)
                {
                    Assert.IsType<Decision.Rejected>(d);
                }

                if (d is Decision.Changed { State: var changed })
                {
                    Assert.True(e is not CandidateFound || changed.Attempt <= decider.Policy.MaxAttempts);
                    state = changed;
                }
            }
        }, iter: 2000);
    }

    [Fact]
    public void Service_reminders_go_only_to_the_member_who_holds_the_order_and_change_nothing_else()
    {
        GenRun.Sample(run =>
        {
            foreach (var (before, decision, e) in Drive(run))
            {
                foreach (var notify in decision.Effects.OfType<Notify>()
                             .Where(n => n.Notice is NoticeKind.ServiceTomorrow or NoticeKind.ServiceSoon))
                {
                    Assert.Equal((OrderStatus.Accepted, Recipient.Member, before.MemberId), (before.Status, notify.Recipient, notify.MemberId));
                    Assert.Equal(before with { Version = before.Version + 1 }, decision.State);
                    Assert.IsType<TimerFired>(e);
                }
            }
        }, iter: 3000);
    }

    /// <summary>What a host that lost its timers rebuilds from the state (<see cref="PendingTimers"/>) is what
    /// it would have held: the same deadlines, and no reminder that was never scheduled (a reminder dropped as
    /// stale and due again after a dispute may come back: its key makes it arrive at most once).</summary>
    [Fact]
    public void Timers_rebuilt_from_the_state_match_the_timers_the_decisions_scheduled()
    {
        var decider = new OrderDecider(OrderPolicy.Default);
        GenRun.Sample(run =>
        {
            var held = new Dictionary<(TimerKind, int), ScheduleTimer>();
            var scheduled = new HashSet<(TimerKind, int)>();
            var now = OrderScenario.Start;
            var first = decider.Place(Placed(run), now);
            Hold(first.State, first);
            var state = first.State;
            foreach (var (e, minutes) in run.Steps)
            {
                now = now.AddMinutes(minutes);
                if (decider.Decide(state, e, now) is not Decision.Changed decision)
                {
                    continue;
                }

                if (e is TimerFired t)
                {
                    held.Remove((t.Kind, t.Round));
                }

                state = decision.State;
                Hold(state, decision);
                var rebuilt = PendingTimers.For(state, decider.Policy, now);
                Assert.Equal(
                    held.Values.Where(IsDeadline).OrderBy(x => x.Kind).ToList(),
                    rebuilt.Where(IsDeadline).OrderBy(x => x.Kind).ToList());
                Assert.All(rebuilt.Where(x => !IsDeadline(x)), r => Assert.True(scheduled.Contains((r.Kind, r.Round)), $"{r} was never scheduled"));
            }

            void Hold(OrderState s, Decision.Changed d)
            {
                foreach (var timer in d.Effects.OfType<ScheduleTimer>())
                {
                    held[(timer.Kind, timer.Round)] = timer;
                    scheduled.Add((timer.Kind, timer.Round));
                }

                // The orchestration drops timers the decider would refuse as stale when they fire.
                foreach (var key in held.Where(x => s.IsTerminal
                             || decider.Decide(s, new TimerFired(x.Value.Kind, x.Value.Round), x.Value.DueAt) is Decision.Rejected { Rejection.Code: RejectionCode.StaleTimer })
                             .Select(x => x.Key).ToList())
                {
                    held.Remove(key);
                }
            }
        }, iter: 3000);

        static bool IsDeadline(ScheduleTimer t) => t.Kind is TimerKind.OfferDeadline or TimerKind.BoardExpiry or TimerKind.ConfirmEscalation;
    }

    /// <summary>A host may delete the timers a save made needless (<see cref="PendingTimers.Superseded"/>) only if none of
    /// them could still matter: had it fired against that state or any later one, nothing would change, and no later
    /// decision sets it again. And it does drop them: an offer accepted in time leaves no deadline to fire.</summary>
    [Fact]
    public void A_timer_dropped_as_superseded_would_change_nothing_and_is_never_set_again()
    {
        var decider = new OrderDecider(OrderPolicy.Default);
        var droppedDeadlines = 0;
        GenRun.Sample(run =>
        {
            var now = OrderScenario.Start;
            var state = decider.Place(Placed(run), now).State;
            var steps = new List<(OrderState State, Decision.Changed Decision, ImmutableArray<ScheduleTimer> Dropped)>();
            foreach (var (e, minutes) in run.Steps)
            {
                now = now.AddMinutes(minutes);
                if (decider.Decide(state, e, now) is Decision.Changed decision)
                {
                    steps.Add((decision.State, decision, PendingTimers.Superseded(state, decision.State, decider.Policy, now, decision.Effects)));
                    if (e is OfferAccepted && state.Offer is { } offer && offer.Deadline > now)
                    {
                        Assert.Contains(new ScheduleTimer("o1", TimerKind.OfferDeadline, offer.Attempt, offer.Deadline), steps[^1].Dropped);
                        droppedDeadlines++;
                    }

                    state = decision.State;
                }
            }

            for (var i = 0; i < steps.Count; i++)
            {
                foreach (var dropped in steps[i].Dropped)
                {
                    Assert.DoesNotContain(dropped.Kind, new[] { TimerKind.ServiceTomorrow, TimerKind.ServiceSoon });
                    for (var j = i; j < steps.Count; j++)
                    {
                        Assert.IsNotType<Decision.Changed>(decider.Decide(steps[j].State, new TimerFired(dropped.Kind, dropped.Round), dropped.DueAt));
                        if (j > i)
                        {
                            Assert.DoesNotContain(dropped, steps[j].Decision.Effects.OfType<ScheduleTimer>());
                        }
                    }
                }
            }
        }, iter: 3000);
        Assert.True(droppedDeadlines > 0, "no run accepted an offer");
    }

    private static IEnumerable<(OrderState Before, Decision.Changed Decision, OrderEvent Event)> Drive(
        (OrderKind Kind, bool Urgent, int? WantedInMinutes, (OrderEvent Event, int Minutes)[] Steps) run)
    {
        var decider = new OrderDecider(OrderPolicy.Default);
        var now = OrderScenario.Start;
        var state = decider.Place(Placed(run), now).State;
        foreach (var (e, minutes) in run.Steps)
        {
            now = now.AddMinutes(minutes);
            if (decider.Decide(state, e, now) is Decision.Changed decision)
            {
                yield return (state, decision, e);
                state = decision.State;
            }
        }
    }

    private static OrderPlaced Placed((OrderKind Kind, bool Urgent, int? WantedInMinutes, (OrderEvent, int)[] _) run) =>
        new("o1", new OrderRequest(
            run.Kind, ServiceCategory.Visit, OrderScenario.Home, run.Urgent,
            run.WantedInMinutes is { } m ? OrderScenario.Start.AddMinutes(m) : null));

    private static OrderEvent Make(int kind, string member, int n) => kind switch
    {
        0 => new CandidateFound(member, new MatchReason(Closeness.SameGrid, 0, 0, 0, 1, 3)),
        1 => new NoCandidateLeft(),
        2 => new HandDispatched("org1", member),
        3 => new OfferAccepted(member),
        4 => new OfferDeclined(member),
        5 => new WishClaimed(member),
        6 => new HoursReported(member, ServiceHours.FromHalfHours(n + 1)),
        7 => new ServiceConfirmed(n % 2 == 0 ? ConfirmedBy.Resident : ConfirmedBy.Organizer, "org1", n == 0 ? null : n),
        8 => new ServiceDisputed(),
        9 => new OrderCancelled(),
        10 => new TimerFired(TimerKind.OfferDeadline, n),
        11 => new TimerFired(TimerKind.OfferReminder, n),
        12 => new TimerFired(TimerKind.BoardExpiry, 0),
        13 => new TimerFired(n % 2 == 0 ? TimerKind.ServiceTomorrow : TimerKind.ServiceSoon, n / 2),
        _ => new TimerFired(n % 2 == 0 ? TimerKind.ConfirmReminder : TimerKind.ConfirmEscalation, n),
    };
}
