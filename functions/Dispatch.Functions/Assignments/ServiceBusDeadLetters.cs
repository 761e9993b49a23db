using System.Globalization;
using Azure.Messaging.ServiceBus;
using Dispatch.App.Problems;
using Dispatch.App.Queries;
using Dispatch.Core.Api;
using Dispatch.Functions.Hosting;
using Microsoft.Extensions.Options;

namespace Dispatch.Functions.Assignments;

/// <summary>Offers Service Bus gave up on: the assignments queue's dead-letter sub-queue. The organizers' list
/// peeks (nothing is settled or moved); each entry is named by its sequence number there. The body names the
/// order and the member when it is a readable <see cref="Dispatch.Storage.AssignmentMessage"/>; the reason is
/// the one the consumer (or Service Bus, after MaxDeliveryCount) gave, with its description. A resubmission
/// goes through <see cref="DeadLetterResubmitter"/>. While Service Bus is out of reach every call fails within
/// its time budget with <see cref="QueueUnavailableException"/> (503 queue-unavailable with Retry-After), not
/// after the client's own minutes of retries.</summary>
public sealed class ServiceBusDeadLetters(ServiceBusClient client, ServiceBusSender queue, IOptions<AssignmentOptions> options, TimeProvider clock)
    : IDeadLetters
{
    /// <summary>A list or a lookup: an organizer waits for the page.</summary>
    public static readonly TimeSpan ReadBudget = TimeSpan.FromSeconds(5);

    /// <summary>A resubmission may receive up to <see cref="DeadLetterResubmitter.MaxRounds"/> batches.</summary>
    public static readonly TimeSpan ResubmitBudget = TimeSpan.FromSeconds(30);

    public Task<IReadOnlyList<DeadLetterView>> PeekAsync(int max, CancellationToken ct) => WithinAsync(ReadBudget, ct, async budget =>
    {
        await using var receiver = DeadLetterReceiver();
        var messages = await receiver.PeekMessagesAsync(max, cancellationToken: budget);
        return (IReadOnlyList<DeadLetterView>)[.. messages.Select(View)];
    });

    public async Task<DeadLetterView?> FindAsync(string id, CancellationToken ct)
    {
        if (SequenceNumber(id) is not { } sequenceNumber)
        {
            return null;
        }

        return await WithinAsync(ReadBudget, ct, async budget =>
        {
            await using var receiver = DeadLetterReceiver();
            var message = await receiver.PeekMessageAsync(sequenceNumber, budget); // the first at or after that number
            return message?.SequenceNumber == sequenceNumber ? View(message) : null;
        });
    }

    public async Task<bool> ResubmitAsync(string id, CancellationToken ct)
    {
        if (SequenceNumber(id) is not { } sequenceNumber)
        {
            return false;
        }

        return await WithinAsync(ResubmitBudget, ct, async budget =>
        {
            await using var receiver = DeadLetterReceiver();
            return await new DeadLetterResubmitter(receiver, queue, clock).ResubmitAsync(sequenceNumber, budget);
        });
    }

    /// <summary>Runs a Service Bus call within a time budget; an outage (a transient transport failure, or the
    /// budget spent) becomes <see cref="QueueUnavailableException"/>. The caller leaving still cancels.</summary>
    private static async Task<T> WithinAsync<T>(TimeSpan budget, CancellationToken ct, Func<CancellationToken, Task<T>> call)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(budget);
        try
        {
            return await call(timeout.Token);
        }
        catch (OperationCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw new QueueUnavailableException("Service Bus did not answer in time.", e);
        }
        catch (ServiceBusException e) when (e.IsTransient || e.Reason is ServiceBusFailureReason.ServiceCommunicationProblem
            or ServiceBusFailureReason.ServiceTimeout or ServiceBusFailureReason.ServiceBusy)
        {
            throw new QueueUnavailableException("Service Bus is out of reach.", e);
        }
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
