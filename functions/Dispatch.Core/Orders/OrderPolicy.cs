using Dispatch.Core.Time;

namespace Dispatch.Core.Orders;

/// <summary>Deadlines and limits of the order lifecycle. Defaults follow the product; tests and the
/// in-process Durable host pass seconds.</summary>
public sealed record OrderPolicy
{
    public static OrderPolicy Default { get; } = new();

    public TimeSpan OfferDeadline { get; init; } = TimeSpan.FromHours(2);

    public TimeSpan UrgentOfferDeadline { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>The one reminder comes this long before the deadline.</summary>
    public TimeSpan OfferReminderBefore { get; init; } = TimeSpan.FromMinutes(30);

    public TimeSpan UrgentOfferReminderBefore { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>After this many offers without an acceptance the organizers take over.</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>How long a wish waits on the board for a claim before it is dispatched.</summary>
    public TimeSpan WishBoardPeriod { get; init; } = TimeSpan.FromDays(3);

    public TimeSpan ConfirmReminderAfter { get; init; } = TimeSpan.FromHours(24);

    public TimeSpan ConfirmEscalationAfter { get; init; } = TimeSpan.FromDays(7);

    /// <summary>Non-urgent orders are not offered in these hours and their offers' clocks stop over them,
    /// so an evening order does not run through sleeping members and escalate at night. Urgent ones ignore it.</summary>
    public QuietHours Quiet { get; init; } = QuietHours.Night;

    public TimeSpan DeadlineFor(OrderRequest request) => request.Urgent ? UrgentOfferDeadline : OfferDeadline;

    public TimeSpan ReminderBeforeFor(OrderRequest request) =>
        request.Urgent ? UrgentOfferReminderBefore : OfferReminderBefore;

    /// <summary>When a non-urgent order placed or re-dispatched at <paramref name="now"/> may be offered:
    /// null when now, else the end of the quiet hours.</summary>
    public DateTimeOffset? WaitUntil(OrderRequest request, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Urgent || !Quiet.IsQuiet(now) ? null : Quiet.NextAllowed(now);
    }

    /// <summary>The deadline of an offer made at <paramref name="offeredAt"/>: urgent ones run straight
    /// through; others pause over quiet hours (20:30 + 2 h → 09:30).</summary>
    public DateTimeOffset DeadlineOf(OrderRequest request, DateTimeOffset offeredAt)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Urgent ? offeredAt + UrgentOfferDeadline : Quiet.AddAwake(offeredAt, OfferDeadline);
    }

    /// <summary>When the offer's one reminder is due: shortly before the deadline, moved out of quiet hours
    /// for non-urgent orders; null when that is not after the offer or not before the deadline.</summary>
    public DateTimeOffset? ReminderOf(OrderRequest request, Offer offer)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(offer);
        var at = offer.Deadline - ReminderBeforeFor(request);
        if (!request.Urgent)
        {
            at = Quiet.NextAllowed(at);
        }

        return at > offer.OfferedAt && at < offer.Deadline ? at : null;
    }
}
