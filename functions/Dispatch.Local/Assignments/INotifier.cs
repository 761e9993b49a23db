using Dispatch.Core.Orders;

namespace Dispatch.Local.Assignments;

/// <summary>How people hear about their orders. Locally: the member's inbox page, the notice lists
/// and the log; in production an SMS or app push would sit behind the same port.</summary>
public interface INotifier
{
    /// <summary>An offer arrived through the assignment queue.</summary>
    Task DeliverOfferAsync(string orderId, string memberId, int attempt, DateTimeOffset deadline, CancellationToken ct);

    Task WithdrawAsync(WithdrawOffer withdraw, CancellationToken ct);

    Task NotifyAsync(Notify notify, CancellationToken ct);

    Task EscalateAsync(Escalate escalate, CancellationToken ct);
}
