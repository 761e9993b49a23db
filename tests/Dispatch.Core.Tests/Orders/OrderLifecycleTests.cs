using Dispatch.Core.Hours;
using Dispatch.Core.Orders;

namespace Dispatch.Core.Tests.Orders;

public class OrderLifecycleTests
{
    [Fact]
    public void A_service_order_goes_from_placed_to_confirmed_and_writes_one_service_record()
    {
        var s = new OrderScenario();
        Assert.Equal(OrderStatus.Placed, s.State!.Status);
        Assert.Equal(1, s.Effect<FindCandidate>().Attempt);

        s.Offer("m1");
        var offer = s.Effect<SendOffer>();
        Assert.Equal(("m1", 1, OrderScenario.Start.AddHours(2)), (offer.MemberId, offer.Attempt, offer.Deadline));
        Assert.Contains(s.Last.Effects, e => e is ScheduleTimer { Kind: TimerKind.OfferReminder } t && t.DueAt == OrderScenario.Start.AddMinutes(90));
        Assert.Contains(s.Last.Effects, e => e is ScheduleTimer { Kind: TimerKind.OfferDeadline } t && t.DueAt == offer.Deadline);

        s.At(TimeSpan.FromMinutes(10)).Apply(new OfferAccepted("m1"));
        Assert.Equal((OrderStatus.Accepted, "m1"), (s.State!.Status, s.State.MemberId));

        s.At(TimeSpan.FromHours(20)).Apply(new HoursReported("m1", ServiceHours.FromHours(1.5m)));
        Assert.Equal(OrderStatus.Done, s.State!.Status);
        Assert.Contains(s.Last.Effects, e => e is Notify { Recipient: Recipient.Resident, Notice: NoticeKind.ConfirmRequested });

        s.At(TimeSpan.FromHours(1)).Apply(new ServiceConfirmed(ConfirmedBy.Resident, Rating: 5));
        Assert.Equal(OrderStatus.Confirmed, s.State!.Status);
        var record = s.Effect<RecordService>().Record;
        Assert.Equal(("o1", "m1", 3, 5, ConfirmedBy.Resident), (record.RecordId, record.MemberId, record.HalfHours, record.Rating, record.ConfirmedBy));
        Assert.Equal(new DateOnly(2026, 11, 24), record.ServedOn);
        Assert.Equal(Waiting.Nothing, NextAction.Of(s.State));
    }

    [Fact]
    public void A_decline_sends_the_order_to_the_next_member_and_never_back_to_the_one_who_declined()
    {
        var s = new OrderScenario();
        s.Offer("m1");
        s.Apply(new OfferDeclined("m1", "busy"));

        Assert.Equal(OrderStatus.Placed, s.State!.Status);
        var find = s.Effect<FindCandidate>();
        Assert.Equal(2, find.Attempt);
        Assert.Equal(["m1"], find.Excluded.AsEnumerable());
        Assert.Equal(RejectionCode.MemberExcluded, s.Try(new CandidateFound("m1", Hand())).Refusal());
    }

    [Fact]
    public void An_unanswered_offer_is_reminded_once_then_expires_and_after_three_attempts_goes_to_the_organizers()
    {
        var s = new OrderScenario(urgent: true);
        foreach (var (member, attempt) in new[] { ("m1", 1), ("m2", 2), ("m3", 3) })
        {
            s.Offer(member);
            Assert.Equal(s.Now.AddMinutes(30), s.Effect<SendOffer>().Deadline);

            s.At(TimeSpan.FromMinutes(20)).Apply(new TimerFired(TimerKind.OfferReminder, attempt));
            Assert.Equal(NoticeKind.OfferReminder, s.Effect<Notify>().Notice);

            s.At(TimeSpan.FromMinutes(10)).Apply(new TimerFired(TimerKind.OfferDeadline, attempt));
            Assert.Contains(s.Last.Effects, e => e is Notify { Notice: NoticeKind.OfferExpired, MemberId: var m } && m == member);
        }

        Assert.Equal(OrderStatus.Escalated, s.State!.Status);
        Assert.Equal(EscalationReason.TooManyAttempts, s.Effect<Escalate>().Reason);
        Assert.DoesNotContain(s.Last.Effects, e => e is FindCandidate);
        Assert.Equal(Waiting.Organizer, NextAction.Of(s.State));
    }

    [Fact]
    public void When_nobody_is_left_the_order_is_escalated()
    {
        var s = new OrderScenario();
        s.Apply(new NoCandidateLeft());
        Assert.Equal((OrderStatus.Escalated, EscalationReason.NoCandidate), (s.State!.Status, s.Effect<Escalate>().Reason));
    }

    [Fact]
    public void An_organizer_can_dispatch_an_escalated_order_by_hand_and_the_offer_records_that()
    {
        var s = new OrderScenario();
        s.Apply(new NoCandidateLeft());
        s.Apply(new HandDispatched("org1", "m9"));
        var offer = s.Effect<SendOffer>();
        Assert.Equal(("m9", true, "org1"), (offer.MemberId, offer.Reason.ByHand, offer.Reason.OrganizerId));
        Assert.Null(s.State!.Escalation);
    }

    [Fact]
    public void Hand_dispatch_over_a_pending_offer_withdraws_it_from_the_first_member()
    {
        var s = new OrderScenario();
        s.Offer("m1");
        s.Apply(new HandDispatched("org1", "m2"));
        Assert.Equal("m1", s.Effect<WithdrawOffer>().MemberId);
        Assert.Equal(RejectionCode.NotYourOffer, s.Try(new OfferAccepted("m1")).Refusal());
    }

    [Fact]
    public void Accepting_after_the_deadline_is_refused_even_before_the_timer_fires()
    {
        var s = new OrderScenario();
        s.Offer("m1");
        s.At(TimeSpan.FromHours(2) + TimeSpan.FromSeconds(1));
        Assert.Equal(RejectionCode.OfferExpired, s.Try(new OfferAccepted("m1")).Refusal());
    }

    [Fact]
    public void Accepting_twice_and_accepting_someone_elses_offer_are_refused_with_their_own_reasons()
    {
        var s = new OrderScenario();
        s.Offer("m1");
        Assert.Equal(RejectionCode.NotYourOffer, s.Try(new OfferAccepted("m2")).Refusal());
        s.Apply(new OfferAccepted("m1"));
        Assert.Equal(RejectionCode.AlreadyAccepted, s.Try(new OfferAccepted("m1")).Refusal());
        Assert.Equal(RejectionCode.AlreadyTaken, s.Try(new OfferAccepted("m2")).Refusal());
    }

    [Fact]
    public void Confirming_before_the_member_reports_done_is_refused()
    {
        var s = new OrderScenario();
        s.Offer("m1");
        s.Apply(new OfferAccepted("m1"));
        Assert.Equal(RejectionCode.NotDoneYet, s.Try(new ServiceConfirmed(ConfirmedBy.Resident)).Refusal());
    }

    [Fact]
    public void Only_the_assigned_member_reports_hours_and_ratings_are_one_to_five()
    {
        var s = new OrderScenario();
        s.Offer("m1");
        s.Apply(new OfferAccepted("m1"));
        Assert.Equal(RejectionCode.NotAssignee, s.Try(new HoursReported("m2", ServiceHours.FromHours(1))).Refusal());
        s.Apply(new HoursReported("m1", ServiceHours.FromHours(1)));
        Assert.Equal(RejectionCode.AlreadyDone, s.Try(new HoursReported("m1", ServiceHours.FromHours(2))).Refusal());
        Assert.Equal(RejectionCode.RatingOutOfRange, s.Try(new ServiceConfirmed(ConfirmedBy.Resident, Rating: 6)).Refusal());
    }

    [Fact]
    public void A_resident_who_says_not_done_reopens_the_order_and_the_next_report_starts_a_new_confirmation_round()
    {
        var s = new OrderScenario();
        s.Offer("m1");
        s.Apply(new OfferAccepted("m1"));
        s.Apply(new HoursReported("m1", ServiceHours.FromHours(1)));
        s.Apply(new ServiceDisputed("nobody came"));
        Assert.Equal((OrderStatus.Accepted, (ServiceHours?)null), (s.State!.Status, s.State.Hours));
        Assert.Equal(NoticeKind.ServiceReopened, s.Effect<Notify>().Notice);

        s.Apply(new HoursReported("m1", ServiceHours.FromHours(2)));
        Assert.Equal(RejectionCode.StaleTimer, s.Try(new TimerFired(TimerKind.ConfirmReminder, 1)).Refusal());
        s.At(TimeSpan.FromDays(1)).Apply(new TimerFired(TimerKind.ConfirmReminder, 2));
        Assert.Equal(NoticeKind.ConfirmReminder, s.Effect<Notify>().Notice);
    }

    [Fact]
    public void Unconfirmed_service_goes_to_the_organizers_after_seven_days_and_they_can_confirm()
    {
        var s = new OrderScenario();
        s.Offer("m1");
        s.Apply(new OfferAccepted("m1"));
        s.Apply(new HoursReported("m1", ServiceHours.FromHours(3)));
        s.At(TimeSpan.FromDays(7)).Apply(new TimerFired(TimerKind.ConfirmEscalation, 1));
        Assert.Equal(EscalationReason.ConfirmationOverdue, s.Effect<Escalate>().Reason);
        Assert.Equal(Waiting.Organizer, NextAction.Of(s.State!));

        s.Apply(new ServiceConfirmed(ConfirmedBy.Organizer, "org1"));
        Assert.Equal(ConfirmedBy.Organizer, s.Effect<RecordService>().Record.ConfirmedBy);
    }

    [Fact]
    public void The_resident_can_cancel_before_service_but_not_after_it_is_reported_done()
    {
        var pending = new OrderScenario();
        pending.Offer("m1");
        pending.Apply(new OrderCancelled("solved it myself"));
        Assert.Equal(OrderStatus.Cancelled, pending.State!.Status);
        Assert.Equal("m1", pending.Effect<WithdrawOffer>().MemberId);
        Assert.Equal(RejectionCode.Closed, pending.Try(new OfferAccepted("m1")).Refusal());

        var done = new OrderScenario();
        done.Offer("m1");
        done.Apply(new OfferAccepted("m1"));
        done.Apply(new HoursReported("m1", ServiceHours.FromHours(1)));
        Assert.Equal(RejectionCode.TooLateToCancel, done.Try(new OrderCancelled()).Refusal());
    }

    [Fact]
    public void A_wish_waits_on_the_board_and_the_first_claim_wins()
    {
        var s = new OrderScenario(OrderKind.Wish);
        Assert.Equal(OrderStatus.Open, s.State!.Status);
        Assert.Equal(TimerKind.BoardExpiry, s.Effect<ScheduleTimer>().Kind);

        s.Apply(new WishClaimed("m1"));
        Assert.Equal((OrderStatus.Accepted, "m1"), (s.State!.Status, s.State.MemberId));
        var second = s.Try(new WishClaimed("m2"));
        Assert.Equal(RejectionCode.AlreadyTaken, second.Refusal());
        Assert.Equal(RejectionCode.StaleTimer, s.Try(new TimerFired(TimerKind.BoardExpiry, 0)).Refusal());
    }

    [Fact]
    public void An_unclaimed_wish_is_dispatched_when_its_board_time_runs_out_and_a_claim_still_beats_the_offer()
    {
        var s = new OrderScenario(OrderKind.Wish);
        s.At(TimeSpan.FromDays(3)).Apply(new TimerFired(TimerKind.BoardExpiry, 0));
        Assert.Equal(1, s.Effect<FindCandidate>().Attempt);
        s.Offer("m1");
        s.Apply(new WishClaimed("m2"));
        Assert.Equal("m1", s.Effect<WithdrawOffer>().MemberId);
        Assert.Equal("m2", s.State!.MemberId);
    }

    [Fact]
    public void Service_orders_cannot_be_claimed()
    {
        var s = new OrderScenario();
        Assert.Equal(RejectionCode.NotAWish, s.Try(new WishClaimed("m1")).Refusal());
    }

    [Fact]
    public void A_late_or_duplicate_deadline_timer_changes_nothing()
    {
        var s = new OrderScenario();
        s.Offer("m1");
        s.Apply(new OfferAccepted("m1"));
        Assert.Equal(RejectionCode.StaleTimer, s.At(TimeSpan.FromHours(3)).Try(new TimerFired(TimerKind.OfferDeadline, 1)).Refusal());
    }

    [Fact]
    public void Events_before_placement_and_a_second_placement_are_refused()
    {
        var decider = new OrderDecider(OrderPolicy.Default);
        Assert.Equal(RejectionCode.NotPlaced, decider.Decide(null, new OfferAccepted("m1"), OrderScenario.Start).Refusal());
        var s = new OrderScenario();
        Assert.Equal(RejectionCode.AlreadyPlaced, s.Try(new OrderPlaced("o1", s.State!.Request)).Refusal());
    }

    private static Core.Matching.MatchReason Hand() => Core.Matching.MatchReason.Hand("org");
}
