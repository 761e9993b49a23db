using Dispatch.Core.Orders;
using Dispatch.Storage;

namespace Dispatch.App.Notices;

/// <summary>How people hear about their orders: the member's inbox, the notice lists and the log; an SMS
/// or app push would sit behind the same port. Every call is idempotent (notices are keyed, inbox rows
/// versioned), because queues and activities deliver at least once.</summary>
public interface INotifier
{
    /// <summary>An offer arrived through the assignment queue. Only an offer the order still holds (same
    /// member, same attempt) reaches the inbox; a stale one is dropped.</summary>
    Task DeliverOfferAsync(AssignmentMessage offer, CancellationToken ct);

    Task WithdrawAsync(WithdrawOffer withdraw, CancellationToken ct);

    Task NotifyAsync(Notify notify, CancellationToken ct);

    /// <summary>The same, from a caller that holds the order's resident details as it last saved them: a resident who
    /// did not agree to status texts then costs no read of the order.</summary>
    Task NotifyAsync(Notify notify, ResidentDetails? known, CancellationToken ct) => NotifyAsync(notify, ct);

    Task EscalateAsync(Escalate escalate, CancellationToken ct);
}
