using Azure.Messaging.ServiceBus;
using Dispatch.Core.Orders;
using Dispatch.Storage;

namespace Dispatch.Functions.Assignments;

/// <summary>Sends offers to the Service Bus queue (app setting AssignmentsQueue). MessageId
/// "{orderId}-{attempt}": the queue's duplicate detection (1 h window, infra/core/messaging) drops a resend
/// of the same offer when the activity is retried after sending. The message lives until the offer's
/// deadline: an offer nobody could deliver by then is moot, the orchestration has moved on.</summary>
public sealed class ServiceBusAssignmentSender(ServiceBusSender sender, TimeProvider clock) : IAssignmentSender
{
    public Task SendAsync(SendOffer offer, CancellationToken ct)
    {
        var message = AssignmentMessage.From(offer);
        return sender.SendMessageAsync(OfferMessages.Create(message, AssignmentDelivery.MessageId(message), clock.GetUtcNow()), ct);
    }
}
