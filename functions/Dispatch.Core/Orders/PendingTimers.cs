using System.Collections.Immutable;
using Dispatch.Core.Reminders;

namespace Dispatch.Core.Orders;

/// <summary>The timers a stored state still needs, derived from the state alone. A host that lost its
/// timers (an Azure orchestration that failed, was terminated or never started) rebuilds them from here.
/// Deadlines are always returned, even when already past, so they fire at once; reminders only while still
/// ahead of <paramref name="now"/>, since a late reminder helps nobody.</summary>
public static class PendingTimers
{
    public static IReadOnlyList<ScheduleTimer> For(OrderState state, OrderPolicy policy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(policy);
        var id = state.OrderId;
        var timers = new List<ScheduleTimer>();
        switch (state.Status)
        {
            case OrderStatus.Offered when state.Offer is { } offer:
                if (policy.ReminderOf(state.Request, offer) is { } remindAt && remindAt > now)
                {
                    timers.Add(new ScheduleTimer(id, TimerKind.OfferReminder, offer.Attempt, remindAt));
                }

                timers.Add(new ScheduleTimer(id, TimerKind.OfferDeadline, offer.Attempt, offer.Deadline));
                break;
            case OrderStatus.Placed when state.OfferFrom is { } from:
                timers.Add(new ScheduleTimer(id, TimerKind.QuietHoursOver, state.Attempt + 1, from));
                break;
            case OrderStatus.Open:
                timers.Add(new ScheduleTimer(id, TimerKind.BoardExpiry, 0, state.PlacedAt + policy.WishBoardPeriod));
                break;
            case OrderStatus.Accepted:
                timers.AddRange(ServiceReminders.Schedule(id, state.Request.WantedAt, state.Attempt, now));
                break;
            case OrderStatus.Done when state.DoneAt is { } done:
                if (done + policy.ConfirmReminderAfter > now)
                {
                    timers.Add(new ScheduleTimer(id, TimerKind.ConfirmReminder, state.ConfirmRound, done + policy.ConfirmReminderAfter));
                }

                if (!state.AwaitingOrganizerConfirmation)
                {
                    timers.Add(new ScheduleTimer(id, TimerKind.ConfirmEscalation, state.ConfirmRound, done + policy.ConfirmEscalationAfter));
                }

                break;
        }

        return timers;
    }

    /// <summary>The timers <paramref name="before"/> needed that <paramref name="after"/> no longer does and that are not
    /// yet due: a host that keeps timers in a table deletes them, rather than firing each later only to have it
    /// refused as stale. Never a service reminder (a resident's dispute brings the order back to Accepted, which sets
    /// the same reminder again), nor a timer <paramref name="scheduled"/> sets, so a dropped timer's row is never
    /// wanted again.</summary>
    public static ImmutableArray<ScheduleTimer> Superseded(
        OrderState before, OrderState after, OrderPolicy policy, DateTimeOffset now, IEnumerable<OrderEffect> scheduled)
    {
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(scheduled);
        var kept = For(after, policy, now).Concat(scheduled.OfType<ScheduleTimer>()).ToHashSet();
        return [.. For(before, policy, now).Where(t => t.DueAt > now
                                                       && t.Kind is not (TimerKind.ServiceTomorrow or TimerKind.ServiceSoon)
                                                       && !kept.Contains(t))];
    }
}
