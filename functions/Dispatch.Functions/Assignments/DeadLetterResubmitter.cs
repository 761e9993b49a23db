using System.Globalization;
using Azure.Messaging.ServiceBus;
using Dispatch.Storage;

namespace Dispatch.Functions.Assignments;

/// <summary>Sends one dead-lettered offer back to the assignments queue: finds it in the dead-letter
/// sub-queue by its sequence number, sends a fresh copy, then completes the dead letter. Service Bus cannot
/// receive one message by number, so this receives (peek-lock) in batches, at most
/// <see cref="MaxRounds"/> × <see cref="BatchSize"/> messages, and abandons the ones it passes over as soon
/// as it is done (which counts one more delivery on each).</summary>
public sealed class DeadLetterResubmitter(ServiceBusReceiver deadLetters, ServiceBusSender queue, TimeProvider clock)
{
    public const int BatchSize = 32;
    public const int MaxRounds = 8;

    /// <summary>How long one receive waits for messages: an empty sub-queue answers after this.</summary>
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(2);

    /// <summary>True once the copy is sent and the dead letter completed; false when it was not found among
    /// the messages received (gone, or locked by another receiver).</summary>
    public async Task<bool> ResubmitAsync(long sequenceNumber, CancellationToken ct)
    {
        var held = new List<ServiceBusReceivedMessage>();
        try
        {
            for (var round = 0; round < MaxRounds; round++)
            {
                var batch = await deadLetters.ReceiveMessagesAsync(BatchSize, MaxWait, ct);
                if (batch.Count == 0)
                {
                    return false;
                }

                held.AddRange(batch);
                if (batch.FirstOrDefault(m => m.SequenceNumber == sequenceNumber) is { } found)
                {
                    // The copy first: if completing fails, the dead letter stays listed and can be sent again,
                    // and the copy's id (one per dead letter) lets duplicate detection keep only one.
                    await queue.SendMessageAsync(Copy(found), ct);
                    await deadLetters.CompleteMessageAsync(found, ct);
                    held.Remove(found);
                    return true;
                }
            }

            return false;
        }
        finally
        {
            foreach (var message in held)
            {
                await ReleaseAsync(message);
            }
        }
    }

    /// <summary>The copy's MessageId: one per dead letter, and unlike the ids the offer had before.</summary>
    public static string ResubmitId(AssignmentMessage offer, long sequenceNumber) =>
        string.Create(CultureInfo.InvariantCulture, $"{AssignmentDelivery.MessageId(offer)}-resubmit{sequenceNumber}");

    private ServiceBusMessage Copy(ServiceBusReceivedMessage dead)
    {
        var offer = AssignmentDelivery.TryRead(dead.Body.ToString(), out var reason)
            ?? throw new InvalidOperationException($"Dead letter {dead.SequenceNumber} names no offer and cannot be resubmitted: {reason}");
        return OfferMessages.Create(offer, ResubmitId(offer, dead.SequenceNumber), clock.GetUtcNow());
    }

    private async Task ReleaseAsync(ServiceBusReceivedMessage message)
    {
        try
        {
            // Not the caller's token: a cancelled request should still let go of what it holds.
            await deadLetters.AbandonMessageAsync(message, cancellationToken: CancellationToken.None);
        }
        catch (ServiceBusException)
        {
            // The lock runs out on its own (one minute) and the message is receivable again.
        }
    }
}
