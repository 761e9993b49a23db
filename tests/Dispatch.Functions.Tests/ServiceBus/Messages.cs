using Azure.Messaging.ServiceBus;
using Dispatch.Functions.Assignments;
using Dispatch.Storage;

namespace Dispatch.Functions.Tests.ServiceBus;

/// <summary>Received messages as the trigger (or a receiver) hands them over, built with the SDK's
/// ServiceBusModelFactory.</summary>
public static class Messages
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 24, 2, 0, 0, TimeSpan.Zero);

    public static AssignmentMessage Offer(string orderId = "o-1", int attempt = 1, DateTimeOffset? deadline = null) =>
        new(orderId, "m1", attempt, deadline ?? T0.AddHours(2));

    /// <summary>What the sender puts on the queue for <paramref name="offer"/>, as received.</summary>
    public static ServiceBusReceivedMessage Received(AssignmentMessage offer, int deliveryCount = 1) =>
        Received(OfferMessages.Create(offer, AssignmentDelivery.MessageId(offer), T0), deliveryCount);

    /// <summary>A sent (or scheduled) message as a receiver gets it back.</summary>
    public static ServiceBusReceivedMessage Received(ServiceBusMessage sent, int deliveryCount = 1, long sequenceNumber = 1, IDictionary<string, object>? properties = null) =>
        ServiceBusModelFactory.ServiceBusReceivedMessage(
            body: sent.Body,
            messageId: sent.MessageId,
            subject: sent.Subject,
            contentType: sent.ContentType,
            timeToLive: sent.TimeToLive,
            properties: properties ?? new Dictionary<string, object>(sent.ApplicationProperties),
            deliveryCount: deliveryCount,
            sequenceNumber: sequenceNumber,
            enqueuedTime: T0);

    public static ServiceBusReceivedMessage Raw(string body) =>
        ServiceBusModelFactory.ServiceBusReceivedMessage(body: BinaryData.FromString(body), messageId: "raw", deliveryCount: 1);
}
