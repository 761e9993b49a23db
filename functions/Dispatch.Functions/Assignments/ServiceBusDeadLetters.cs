using System.Globalization;
using Azure.Messaging.ServiceBus;
using Dispatch.App.Queries;
using Dispatch.Core.Api;
using Dispatch.Functions.Hosting;
using Microsoft.Extensions.Options;

namespace Dispatch.Functions.Assignments;

/// <summary>Offers Service Bus gave up on: the assignments queue's dead-letter sub-queue. The organizers' list
/// peeks (nothing is settled or moved); each entry is named by its sequence number there. The body names the
/// order and the member when it is a readable <see cref="Dispatch.Storage.AssignmentMessage"/>; the reason is
/// the one the consumer (or Service Bus, after MaxDeliveryCount) gave, with its description. A resubmission
/// goes through <see cref="DeadLetterResubmitter"/>.</summary>
public sealed class ServiceBusDeadLetters(ServiceBusClient client, ServiceBusSender queue, IOptions<AssignmentOptions> options, TimeProvider clock)
    : IDeadLetters
{
    public async Task<IReadOnlyList<DeadLetterView>> PeekAsync(int max, CancellationToken ct)
    {
        await using var receiver = DeadLetterReceiver();
        var messages = await receiver.PeekMessagesAsync(max, cancellationToken: ct);
        return [.. messages.Select(View)];
    }

    public async Task<DeadLetterView?> FindAsync(string id, CancellationToken ct)
    {
        if (SequenceNumber(id) is not { } sequenceNumber)
        {
            return null;
        }

        await using var receiver = DeadLetterReceiver();
        var message = await receiver.PeekMessageAsync(sequenceNumber, ct); // the first at or after that number
        return message?.SequenceNumber == sequenceNumber ? View(message) : null;
    }

    public async Task<bool> ResubmitAsync(string id, CancellationToken ct)
    {
        if (SequenceNumber(id) is not { } sequenceNumber)
        {
            return false;
        }

        await using var receiver = DeadLetterReceiver();
        return await new DeadLetterResubmitter(receiver, queue, clock).ResubmitAsync(sequenceNumber, ct);
    }

    private ServiceBusReceiver DeadLetterReceiver() =>
        client.CreateReceiver(options.Value.QueueName, new ServiceBusReceiverOptions { SubQueue = SubQueue.DeadLetter });

    private static long? SequenceNumber(string id) =>
        long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static DeadLetterView View(ServiceBusReceivedMessage message)
    {
        var offer = AssignmentDelivery.TryRead(message.Body.ToString(), out _);
        var reason = string.IsNullOrEmpty(message.DeadLetterErrorDescription)
            ? message.DeadLetterReason ?? "Dead-lettered"
            : $"{message.DeadLetterReason}: {message.DeadLetterErrorDescription}";
        return new DeadLetterView(
            message.SequenceNumber.ToString(CultureInfo.InvariantCulture), offer?.OrderId, offer?.MemberId, reason, message.DeliveryCount, message.EnqueuedTime);
    }
}
