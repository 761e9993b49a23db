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

    public TimeSpan DeadlineFor(OrderRequest request) => request.Urgent ? UrgentOfferDeadline : OfferDeadline;

    public TimeSpan ReminderBeforeFor(OrderRequest request) =>
        request.Urgent ? UrgentOfferReminderBefore : OfferReminderBefore;
}
