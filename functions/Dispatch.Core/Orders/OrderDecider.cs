using System.Collections.Immutable;
using Dispatch.Core.Hours;
using Dispatch.Core.Reminders;

namespace Dispatch.Core.Orders;

/// <summary>The order lifecycle as a pure function: <c>decide(state, event, now) → state + effects</c>.
/// Same input, same output; no clock, no I/O. An event the lifecycle does not allow is rejected
/// with a named reason and changes nothing.</summary>
public sealed class OrderDecider(OrderPolicy policy) : IOrderDecider
{
    public OrderPolicy Policy { get; } = policy;

    public Decision Decide(OrderState? state, OrderEvent @event, DateTimeOffset now)
    {
        if (state is null)
        {
            return @event is OrderPlaced placed
                ? Place(placed, now)
                : Decision.Reject(RejectionCode.NotPlaced, "The order does not exist.");
        }

        if (@event is OrderPlaced)
        {
            return Decision.Reject(RejectionCode.AlreadyPlaced, "The order was already placed.");
        }

        if (state.IsTerminal)
        {
            return @event is TimerFired
                ? Stale()
                : Decision.Reject(RejectionCode.Closed, $"The order is {state.Status.ToString().ToLowerInvariant()}.");
        }

        return @event switch
        {
            CandidateFound found => Offer(state, found, now),
            NoCandidateLeft => state.Status == OrderStatus.Placed
                ? EscalateTo(state, EscalationReason.NoCandidate)
                : Decision.Reject(RejectionCode.NotDispatching, "The order is not waiting for dispatch."),
            HandDispatched hand => DispatchByHand(state, hand, now),
            OfferAccepted accepted => Accept(state, accepted, now),
            OfferDeclined declined => Decline(state, declined, now),
            WishClaimed claimed => Claim(state, claimed, now),
            HoursReported reported => ReportHours(state, reported, now),
            ServiceConfirmed confirmed => Confirm(state, confirmed, now),
            ServiceDisputed => Dispute(state),
            OrderCancelled => Cancel(state),
            TimerFired timer => Fire(state, timer, now),
            _ => throw new ArgumentOutOfRangeException(nameof(@event), @event, "Unknown order event."),
        };
    }

    /// <summary>Folds accepted events from a start state: replays an order's history.</summary>
    public OrderState? Replay(IEnumerable<(OrderEvent Event, DateTimeOffset At)> history)
    {
        OrderState? state = null;
        foreach (var (e, at) in history)
        {
            if (Decide(state, e, at) is Decision.Changed changed)
            {
                state = changed.State;
            }
        }

        return state;
    }

    /// <summary>Places a new order: never refused, so the hosts that create orders get the state without a check.</summary>
    public Decision.Changed Place(OrderPlaced placed, DateTimeOffset now)
    {
        var state = OrderState.Start(placed.OrderId, placed.Request, now) with { Reference = placed.Reference };
        var received = new Notify(placed.OrderId, Recipient.Resident, NoticeKind.OrderReceived, null, "0");
        if (placed.Request.Kind == OrderKind.Wish)
        {
            return Decision.Accept(
                state with { Status = OrderStatus.Open },
                received,
                new ScheduleTimer(placed.OrderId, TimerKind.BoardExpiry, 0, now + Policy.WishBoardPeriod));
        }

        return Dispatch(state, now, received);
    }

    /// <summary>Looks for the next member now, or — a non-urgent order in quiet hours — at their end.</summary>
    private Decision.Changed Dispatch(OrderState state, DateTimeOffset now, params OrderEffect[] first)
    {
        var next = state with { Status = OrderStatus.Placed };
        if (Policy.WaitUntil(state.Request, now) is { } from)
        {
            return Decision.Accept(
                next with { OfferFrom = from },
                [.. first, new ScheduleTimer(state.OrderId, TimerKind.QuietHoursOver, state.Attempt + 1, from)]);
        }

        return Decision.Accept(next with { OfferFrom = null }, [.. first, new FindCandidate(state.OrderId, state.Attempt + 1, state.Excluded)]);
    }


    private Decision Offer(OrderState state, CandidateFound found, DateTimeOffset now)
    {
        if (state.Status != OrderStatus.Placed)
        {
            return Decision.Reject(RejectionCode.NotDispatching, "The order is not waiting for dispatch.");
        }

        if (state.Excluded.Contains(found.MemberId))
        {
            return Decision.Reject(RejectionCode.MemberExcluded, "That member already declined or let the offer expire.");
        }

        return MakeOffer(state, new Offer(found.MemberId, state.Attempt + 1, now, Policy.DeadlineOf(state.Request, now), found.Reason));
    }

    private Decision DispatchByHand(OrderState state, HandDispatched hand, DateTimeOffset now)
    {
        if (state.Status is not (OrderStatus.Placed or OrderStatus.Open or OrderStatus.Offered or OrderStatus.Escalated))
        {
            return Decision.Reject(RejectionCode.AlreadyTaken, "A member has already taken this order.");
        }

        if (state.Offer is { } held && held.MemberId == hand.MemberId)
        {
            return Decision.Reject(RejectionCode.AlreadyAccepted, "That member already holds the offer.");
        }

        var offer = new Offer(
            hand.MemberId, state.Attempt + 1, now, Policy.DeadlineOf(state.Request, now),
            Matching.MatchReason.Hand(hand.OrganizerId));
        var decision = MakeOffer(state with { Escalation = null }, offer);
        return state.Offer is { } previous
            ? decision with { Effects = decision.Effects.Insert(0, new WithdrawOffer(state.OrderId, previous.MemberId, previous.Attempt)) }
            : decision;
    }

    private Decision.Changed MakeOffer(OrderState state, Offer offer)
    {
        var next = state with { Status = OrderStatus.Offered, Attempt = offer.Attempt, Offer = offer, OfferFrom = null };
        var effects = new List<OrderEffect>
        {
            new SendOffer(state.OrderId, offer.MemberId, offer.Attempt, offer.Deadline, offer.Reason),
        };
        if (Policy.ReminderOf(state.Request, offer) is { } remindAt)
        {
            effects.Add(new ScheduleTimer(state.OrderId, TimerKind.OfferReminder, offer.Attempt, remindAt));
        }

        effects.Add(new ScheduleTimer(state.OrderId, TimerKind.OfferDeadline, offer.Attempt, offer.Deadline));
        return Decision.Accept(next, [.. effects]);
    }

    private static Decision Accept(OrderState state, OfferAccepted accepted, DateTimeOffset now)
    {
        if (state.MemberId is { } taker && state.Status is OrderStatus.Accepted or OrderStatus.Done)
        {
            return taker == accepted.MemberId
                ? Decision.Reject(RejectionCode.AlreadyAccepted, "You have already accepted this order.")
                : Decision.Reject(RejectionCode.AlreadyTaken, "Another member has already taken this order.");
        }

        if (state.Status != OrderStatus.Offered || state.Offer is null)
        {
            return Decision.Reject(RejectionCode.NotOffered, "The order is not on offer to you.");
        }

        if (state.Offer.MemberId != accepted.MemberId)
        {
            return Decision.Reject(RejectionCode.NotYourOffer, "The order is on offer to another member.");
        }

        if (now > state.Offer.Deadline)
        {
            return Decision.Reject(RejectionCode.OfferExpired, "The offer has expired.");
        }

        return Decision.Accept(
            state with { Status = OrderStatus.Accepted, MemberId = accepted.MemberId, Offer = null },
            [new Notify(state.OrderId, Recipient.Resident, NoticeKind.OrderAccepted, accepted.MemberId, $"{state.Attempt}"),
             .. ServiceReminders.Schedule(state.OrderId, state.Request.WantedAt, state.Attempt, now)]);
    }

    private Decision Decline(OrderState state, OfferDeclined declined, DateTimeOffset now)
    {
        if (state.Status != OrderStatus.Offered || state.Offer is null)
        {
            return Decision.Reject(RejectionCode.NotOffered, "The order is not on offer to you.");
        }

        if (state.Offer.MemberId != declined.MemberId)
        {
            return Decision.Reject(RejectionCode.NotYourOffer, "The order is on offer to another member.");
        }

        return Redispatch(state, declined.MemberId, now);
    }

    /// <summary>After a decline or an expiry: try the next member, or escalate after the last attempt.</summary>
    private Decision Redispatch(OrderState state, string memberId, DateTimeOffset now, params OrderEffect[] first)
    {
        var next = state with
        {
            Status = OrderStatus.Placed,
            Offer = null,
            Excluded = state.Excluded.Contains(memberId) ? state.Excluded : state.Excluded.Add(memberId),
        };
        if (state.Attempt >= Policy.MaxAttempts)
        {
            var escalated = EscalateTo(next, EscalationReason.TooManyAttempts);
            return escalated with { Effects = escalated.Effects.InsertRange(0, first) };
        }

        return Dispatch(next, now, first);
    }

    private static Decision.Changed EscalateTo(OrderState state, EscalationReason reason) => Decision.Accept(
        state with { Status = OrderStatus.Escalated, Offer = null, Escalation = reason },
        new Escalate(state.OrderId, state.Request.Location.CommunityId, reason, state.Attempt));

    private static Decision Claim(OrderState state, WishClaimed claimed, DateTimeOffset now)
    {
        if (state.Request.Kind != OrderKind.Wish)
        {
            return Decision.Reject(RejectionCode.NotAWish, "Only wishes can be claimed; service orders are dispatched.");
        }

        if (state.MemberId is { } taker)
        {
            return taker == claimed.MemberId
                ? Decision.Reject(RejectionCode.AlreadyAccepted, "You have already claimed this wish.")
                : Decision.Reject(RejectionCode.AlreadyTaken, "Another member has already claimed this wish.");
        }

        var effects = new List<OrderEffect>();
        if (state.Offer is { } held && held.MemberId != claimed.MemberId)
        {
            effects.Add(new WithdrawOffer(state.OrderId, held.MemberId, held.Attempt));
        }

        effects.Add(new Notify(state.OrderId, Recipient.Resident, NoticeKind.OrderAccepted, claimed.MemberId, $"{state.Attempt}"));
        effects.AddRange(ServiceReminders.Schedule(state.OrderId, state.Request.WantedAt, state.Attempt, now));
        return Decision.Accept(
            state with { Status = OrderStatus.Accepted, MemberId = claimed.MemberId, Offer = null, Escalation = null },
            [.. effects]);
    }

    private Decision ReportHours(OrderState state, HoursReported reported, DateTimeOffset now)
    {
        if (state.Status == OrderStatus.Done)
        {
            return Decision.Reject(RejectionCode.AlreadyDone, "Hours were already reported; waiting for the resident.");
        }

        if (state.Status != OrderStatus.Accepted)
        {
            return Decision.Reject(RejectionCode.NotAssignee, "The order is not assigned to you.");
        }

        if (state.MemberId != reported.MemberId)
        {
            return Decision.Reject(RejectionCode.NotAssignee, "The order is assigned to another member.");
        }

        var round = state.ConfirmRound + 1;
        return Decision.Accept(
            state with { Status = OrderStatus.Done, Hours = reported.Hours, DoneAt = now, ConfirmRound = round },
            new Notify(state.OrderId, Recipient.Resident, NoticeKind.ConfirmRequested, null, $"{round}"),
            new ScheduleTimer(state.OrderId, TimerKind.ConfirmReminder, round, now + Policy.ConfirmReminderAfter),
            new ScheduleTimer(state.OrderId, TimerKind.ConfirmEscalation, round, now + Policy.ConfirmEscalationAfter));
    }

    private static Decision Confirm(OrderState state, ServiceConfirmed confirmed, DateTimeOffset now)
    {
        if (state.Status != OrderStatus.Done || state.Hours is not { } hours || state.MemberId is not { } member)
        {
            return Decision.Reject(RejectionCode.NotDoneYet, "The member has not reported the service as done.");
        }

        if (confirmed.Rating is < 1 or > 5)
        {
            return Decision.Reject(RejectionCode.RatingOutOfRange, "A rating is from 1 to 5 stars.");
        }

        var record = new ServiceRecord(
            RecordId: state.OrderId,
            OrderId: state.OrderId,
            MemberId: member,
            Location: state.Request.Location,
            Category: state.Request.Category,
            IsWish: state.Request.Kind == OrderKind.Wish,
            HalfHours: hours.HalfHours,
            ServedOn: Time.ChinaTime.DateOf(state.DoneAt ?? now),
            ConfirmedAt: now,
            ConfirmedBy: confirmed.By,
            Rating: confirmed.Rating);
        return Decision.Accept(
            state with { Status = OrderStatus.Confirmed, Rating = confirmed.Rating, AwaitingOrganizerConfirmation = false },
            new RecordService(record),
            new Notify(state.OrderId, Recipient.Member, NoticeKind.ServiceConfirmed, member, $"{state.ConfirmRound}"));
    }

    private static Decision Dispute(OrderState state)
    {
        if (state.Status != OrderStatus.Done)
        {
            return Decision.Reject(RejectionCode.NotDoneYet, "The member has not reported the service as done.");
        }

        return Decision.Accept(
            state with { Status = OrderStatus.Accepted, Hours = null, DoneAt = null, AwaitingOrganizerConfirmation = false },
            new Notify(state.OrderId, Recipient.Member, NoticeKind.ServiceReopened, state.MemberId, $"{state.ConfirmRound}"));
    }

    private static Decision Cancel(OrderState state)
    {
        if (state.Status == OrderStatus.Done)
        {
            return Decision.Reject(RejectionCode.TooLateToCancel, "The service was reported done; confirm it or say it was not done.");
        }

        var effects = new List<OrderEffect>();
        if (state.Offer is { } held)
        {
            effects.Add(new WithdrawOffer(state.OrderId, held.MemberId, held.Attempt));
        }

        if (state.Status == OrderStatus.Accepted)
        {
            effects.Add(new Notify(state.OrderId, Recipient.Member, NoticeKind.OrderCancelled, state.MemberId, "0"));
        }

        return Decision.Accept(state with { Status = OrderStatus.Cancelled, Offer = null }, [.. effects]);
    }

    private Decision Fire(OrderState state, TimerFired timer, DateTimeOffset now) => timer.Kind switch
    {
        TimerKind.OfferReminder when state.Offer is { } offer && offer.Attempt == timer.Round => Decision.Accept(
            state,
            new Notify(state.OrderId, Recipient.Member, NoticeKind.OfferReminder, offer.MemberId, $"{offer.Attempt}")),
        TimerKind.OfferDeadline when state.Offer is { } offer && offer.Attempt == timer.Round && now >= offer.Deadline =>
            Redispatch(
                state,
                offer.MemberId,
                now,
                new Notify(state.OrderId, Recipient.Member, NoticeKind.OfferExpired, offer.MemberId, $"{offer.Attempt}")),
        TimerKind.BoardExpiry when state.Status == OrderStatus.Open => Dispatch(state, now),
        TimerKind.QuietHoursOver when state.Status == OrderStatus.Placed && state.OfferFrom is not null
                                      && state.Attempt + 1 == timer.Round => Decision.Accept(
            state with { OfferFrom = null },
            new FindCandidate(state.OrderId, timer.Round, state.Excluded)),
        TimerKind.ConfirmReminder when state.Status == OrderStatus.Done && state.ConfirmRound == timer.Round =>
            Decision.Accept(
                state,
                new Notify(state.OrderId, Recipient.Resident, NoticeKind.ConfirmReminder, null, $"{timer.Round}")),
        TimerKind.ConfirmEscalation when state.Status == OrderStatus.Done && state.ConfirmRound == timer.Round
                                         && !state.AwaitingOrganizerConfirmation => Decision.Accept(
            state with { AwaitingOrganizerConfirmation = true },
            new Escalate(state.OrderId, state.Request.Location.CommunityId, EscalationReason.ConfirmationOverdue, timer.Round)),
        // Service reminders go only to the member who still holds the order; the attempt at acceptance
        // is the round, and it never changes while the order stays taken.
        TimerKind.ServiceTomorrow or TimerKind.ServiceSoon
            when state.Status == OrderStatus.Accepted && state.Attempt == timer.Round && state.MemberId is { } member =>
            Decision.Accept(
                state,
                new Notify(
                    state.OrderId, Recipient.Member,
                    timer.Kind == TimerKind.ServiceTomorrow ? NoticeKind.ServiceTomorrow : NoticeKind.ServiceSoon,
                    member, $"{timer.Round}")),
        _ => Stale(),
    };

    private static Decision Stale() => Decision.Reject(RejectionCode.StaleTimer, "The timer no longer applies.");
}
