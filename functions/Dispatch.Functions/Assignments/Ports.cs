using Dispatch.Core.Orders;

namespace Dispatch.Functions.Assignments;

/// <summary>Sends an offer to the member's assignment queue. Implementations must make a resend of the
/// same offer (same order, same attempt) harmless: Service Bus by MessageId "{orderId}-{attempt}" under
/// duplicate detection; the Storage-queue fallback by the consumer's idempotent delivery.</summary>
public interface IAssignmentSender
{
    Task SendAsync(SendOffer offer, CancellationToken ct);
}
