using Azure.Messaging.ServiceBus;
using Dispatch.App.Queries;
using Dispatch.Core.Api;
using Dispatch.Core.Orders;
using Dispatch.Functions.Hosting;
using Dispatch.Storage;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dispatch.Functions.Assignments;

// Compiled only with DispatchWithServiceBus=true (the default; see Dispatch.Functions.csproj).

/// <summary>Sends offers to the Service Bus queue (app setting AssignmentsQueue). MessageId
/// "{orderId}-{attempt}": the queue's duplicate detection (1 h window, infra/core/messaging) drops a resend
/// of the same offer when an activity is retried after sending.</summary>
public sealed class ServiceBusAssignmentSender(ServiceBusSender sender) : IAssignmentSender
{
    public async Task SendAsync(SendOffer offer, CancellationToken ct)
    {
        var message = AssignmentMessage.From(offer);
        var sbMessage = new ServiceBusMessage(AssignmentDelivery.Body(message))
        {
            MessageId = AssignmentDelivery.MessageId(message),
            ContentType = "application/json",
            Subject = "offer",
        };
        await sender.SendMessageAsync(sbMessage, ct);
    }
}

/// <summary>Takes offers off the queue and hands them to the notifier (inbox row + notice), then completes
/// the message (auto-complete is off: this function settles every message itself). A failure abandons
/// the message and it is redelivered, and after MaxDeliveryCount (5) the queue moves it to
/// its dead-letter queue. A body that can never be read is dead-lettered at once, with the reason.</summary>
public sealed class AssignmentTrigger(AssignmentDelivery delivery, ILogger<AssignmentTrigger> logger)
{
    public const string Name = "AssignmentReceived";

    [Function(Name)]
    public async Task Run(
        [ServiceBusTrigger("%AssignmentsQueue%", Connection = "ServiceBus", AutoCompleteMessages = false)] ServiceBusReceivedMessage message,
        ServiceBusMessageActions actions,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(actions);
        var offer = AssignmentDelivery.TryRead(message.Body.ToString(), out var reason);
        if (offer is null)
        {
            logger.LogError("Assignment message {MessageId} dead-lettered: {Reason}", message.MessageId, reason);
            await actions.DeadLetterMessageAsync(message, deadLetterReason: "Unreadable", deadLetterErrorDescription: reason, cancellationToken: ct);
            return;
        }

        try
        {
            await delivery.DeliverAsync(offer, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Back on the queue now rather than after the lock runs out; the delivery count goes up.
            logger.LogError(e, "Offer of order {OrderId} not delivered (delivery {Count}); Service Bus will retry", offer.OrderId, message.DeliveryCount);
            await actions.AbandonMessageAsync(message, properties: null, cancellationToken: ct);
            throw;
        }

        await actions.CompleteMessageAsync(message, ct);
    }
}

/// <summary>Offers Service Bus gave up on, for the organizers' dead-letter list: peeks (never receives, so
/// nothing is settled or moved) the assignments queue's dead-letter sub-queue. The body names the order and
/// the member when it is a readable <see cref="AssignmentMessage"/>; the reason is the one the trigger (or
/// Service Bus, after MaxDeliveryCount) gave, with its description.</summary>
public sealed class ServiceBusDeadLetters(ServiceBusClient client, IOptions<AssignmentOptions> options) : IDeadLetters
{
    public async Task<IReadOnlyList<DeadLetterView>> PeekAsync(int max, CancellationToken ct)
    {
        await using var receiver = client.CreateReceiver(
            options.Value.QueueName, new ServiceBusReceiverOptions { SubQueue = SubQueue.DeadLetter });
        var messages = await receiver.PeekMessagesAsync(max, cancellationToken: ct);
        var list = new List<DeadLetterView>(messages.Count);
        foreach (var message in messages)
        {
            var offer = AssignmentDelivery.TryRead(message.Body.ToString(), out _);
            var reason = string.IsNullOrEmpty(message.DeadLetterErrorDescription)
                ? message.DeadLetterReason ?? "Dead-lettered"
                : $"{message.DeadLetterReason}: {message.DeadLetterErrorDescription}";
            list.Add(new DeadLetterView(offer?.OrderId, offer?.MemberId, reason, message.DeliveryCount, message.EnqueuedTime));
        }

        return list;
    }
}
