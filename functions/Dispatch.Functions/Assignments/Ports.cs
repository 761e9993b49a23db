using Dispatch.Core.Orders;
using Dispatch.Storage;

namespace Dispatch.Functions.Assignments;

/// <summary>Sends an offer to the member's assignment queue. Implementations must make a resend of the
/// same offer (same order, same attempt) harmless: Service Bus by MessageId "{orderId}-{attempt}" under
/// duplicate detection; the Storage-queue fallback by the consumer's idempotent delivery.</summary>
public interface IAssignmentSender
{
    Task SendAsync(SendOffer offer, CancellationToken ct);
}

/// <summary>How people hear about their orders: the member's inbox and the notice lists (an SMS or app push
/// would sit behind the same port). Every call is idempotent (notices are keyed, inbox rows versioned).</summary>
public interface IOrderNotifier
{
    /// <summary>An offer arrived through the assignment queue.</summary>
    Task DeliverOfferAsync(AssignmentMessage offer, CancellationToken ct);

    Task WithdrawAsync(WithdrawOffer withdraw, CancellationToken ct);

    Task NotifyAsync(Notify notify, CancellationToken ct);

    Task EscalateAsync(Escalate escalate, CancellationToken ct);
}
