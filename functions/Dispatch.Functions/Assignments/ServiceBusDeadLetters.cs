using Azure.Messaging.ServiceBus;
using Dispatch.App.Queries;
using Dispatch.Core.Api;
using Dispatch.Functions.Hosting;
using Microsoft.Extensions.Options;

namespace Dispatch.Functions.Assignments;

/// <summary>Offers Service Bus gave up on, for the organizers' dead-letter list: peeks (never receives, so
/// nothing is settled or moved) the assignments queue's dead-letter sub-queue. The body names the order and
/// the member when it is a readable <see cref="Dispatch.Storage.AssignmentMessage"/>; the reason is the one
/// the consumer (or Service Bus, after MaxDeliveryCount) gave, with its description.</summary>
public sealed class ServiceBusDeadLetters(ServiceBusClient client, IOptions<AssignmentOptions> options) : IDeadLetters
{
    public async Task<IReadOnlyList<DeadLetterView>> PeekAsync(int max, CancellationToken ct)
    {
        await using var receiver = client.CreateReceiver(
            options.Value.QueueName, new ServiceBusReceiverOptions { SubQueue = SubQueue.DeadLetter });
        var messages = await receiver.PeekMessagesAsync(max, cancellationToken: ct);
        return [.. messages.Select(View)];
    }

    private static DeadLetterView View(ServiceBusReceivedMessage message)
    {
        var offer = AssignmentDelivery.TryRead(message.Body.ToString(), out _);
        var reason = string.IsNullOrEmpty(message.DeadLetterErrorDescription)
            ? message.DeadLetterReason ?? "Dead-lettered"
            : $"{message.DeadLetterReason}: {message.DeadLetterErrorDescription}";
        return new DeadLetterView(offer?.OrderId, offer?.MemberId, reason, message.DeliveryCount, message.EnqueuedTime);
    }
}
