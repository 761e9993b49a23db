using Dispatch.Core.Orders;

namespace Dispatch.Core.Reminders;

/// <summary>Which order notices are reminders (and so go through <see cref="ReminderPolicy"/>), and how a
/// deferred one is re-checked against the order. Offers and status notices are not reminders: never capped,
/// never deferred.</summary>
public static class OrderReminders
{
    public static TimerKind? TimerOf(NoticeKind notice) => notice switch
    {
        NoticeKind.OfferReminder => TimerKind.OfferReminder,
        NoticeKind.ConfirmReminder => TimerKind.ConfirmReminder,
        NoticeKind.ServiceTomorrow => TimerKind.ServiceTomorrow,
        NoticeKind.ServiceSoon => TimerKind.ServiceSoon,
        _ => null,
    };

    public static bool IsReminder(NoticeKind notice) => TimerOf(notice) is not null;

    /// <summary>The reminder for an order notice, or null if the notice is not a reminder.</summary>
    public static Reminder? From(Notify notify, OrderState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(notify);
        ArgumentNullException.ThrowIfNull(state);
        if (!IsReminder(notify.Notice))
        {
            return null;
        }

        var (to, id) = notify.Recipient == Recipient.Member && notify.MemberId is { } member
            ? (Recipient.Member, member)
            : (Recipient.Resident, notify.OrderId);
        var (urgency, expires) = notify.Notice switch
        {
            // An offer reminder after its offer ran out is noise; when the offer moved on, now: drop.
            NoticeKind.OfferReminder => (ReminderUrgency.TimeCritical,
                state.Offer is { } offer && $"{offer.Attempt}" == notify.Round ? offer.Deadline : now),
            NoticeKind.ServiceSoon => (ReminderUrgency.TimeCritical, state.Request.WantedAt),
            NoticeKind.ServiceTomorrow => (ReminderUrgency.Routine, state.Request.WantedAt),
            _ => (ReminderUrgency.Routine, (DateTimeOffset?)null),
        };
        return new Reminder(to, id, notify.Notice, notify.OrderId, KeyOf(notify), now, urgency, expires, Source: notify);
    }

    /// <summary>Unique per recipient: the order plus the notice's own key (kind, member, round).</summary>
    public static string KeyOf(Notify notify) => $"{notify.OrderId}/{notify.Key}";

    /// <summary>Would the order still send this notice now? Asks the decider itself (its timer rules are the
    /// one source of truth), without keeping the decision.</summary>
    public static bool StillDue(OrderDecider decider, OrderState state, Notify notify, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(decider);
        ArgumentNullException.ThrowIfNull(notify);
        if (TimerOf(notify.Notice) is not { } kind || !int.TryParse(notify.Round, out var round))
        {
            return false;
        }

        return decider.Decide(state, new TimerFired(kind, round), now) is Decision.Changed changed
            && changed.Effects.OfType<Notify>().Any(n => n.Key == notify.Key);
    }
}
