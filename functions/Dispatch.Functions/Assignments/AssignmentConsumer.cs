using System.Globalization;
using Azure.Messaging.ServiceBus;
using Dispatch.Storage;
using Microsoft.Extensions.Logging;

namespace Dispatch.Functions.Assignments;

/// <summary>Handles one offer message from the Service Bus queue and settles it (auto-complete is off):
/// <list type="bullet">
/// <item>a readable offer is delivered (idempotent: a redelivery or a stale offer changes nothing) and completed;</item>
/// <item>a body that can never be read is dead-lettered at once, with the reason;</item>
/// <item>storage out of reach (<see cref="TransientFailures"/>): a copy is scheduled after a growing wait
/// (<see cref="StorageRetries"/>) and the message completed, and once the waits are used up the offer is
/// dead-lettered as storage unavailable;</item>
/// <item>any other failure abandons the message: Service Bus redelivers it and, after MaxDeliveryCount (5),
/// dead-letters it.</item>
/// </list>
/// When the host is shutting down (the token is cancelled) nothing is settled: the lock runs out and the
/// message comes back.</summary>
public sealed class AssignmentConsumer(AssignmentDelivery delivery, TimeProvider clock, ILogger<AssignmentConsumer> logger)
{
    /// <summary>Dead-letter reasons this consumer gives.</summary>
    public const string Unreadable = "Unreadable";
    public const string StorageUnavailable = "StorageUnavailable";

    /// <summary>Service Bus keeps dead-letter descriptions short; the organizers read this one.</summary>
    private const int MaxDescription = 500;

    public async Task<AssignmentOutcome> HandleAsync(ServiceBusReceivedMessage message, IAssignmentSettlement settlement, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(settlement);
        var offer = AssignmentDelivery.TryRead(message.Body.ToString(), out var unreadable);
        if (offer is null)
        {
            logger.LogError("Assignment message {MessageId} dead-lettered: {Reason}", message.MessageId, unreadable);
            await settlement.DeadLetterAsync(Unreadable, Short(unreadable ?? "Unreadable body."), ct);
            return AssignmentOutcome.DeadLettered;
        }

        try
        {
            await delivery.DeliverAsync(offer, ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested && TransientFailures.IsTransient(e))
        {
            return await RetryLaterAsync(message, offer, e, settlement, ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            logger.LogError(e, "Offer of order {OrderId} not delivered (delivery {Count}); Service Bus will redeliver it", offer.OrderId, message.DeliveryCount);
            await settlement.AbandonAsync(ct);
            return AssignmentOutcome.Abandoned;
        }

        await settlement.CompleteAsync(ct);
        return AssignmentOutcome.Delivered;
    }

    /// <summary>A retry copy's MessageId: new for each retry, so duplicate detection does not drop it as the
    /// original it replaces.</summary>
    public static string RetryId(AssignmentMessage offer, int retry) =>
        string.Create(CultureInfo.InvariantCulture, $"{AssignmentDelivery.MessageId(offer)}-retry{retry}");

    private async Task<AssignmentOutcome> RetryLaterAsync(
        ServiceBusReceivedMessage message, AssignmentMessage offer, Exception failure, IAssignmentSettlement settlement, CancellationToken ct)
    {
        var retry = OfferMessages.Retries(message) + 1;
        if (retry > StorageRetries.Max)
        {
            logger.LogError(failure, "Offer of order {OrderId} dead-lettered: storage unavailable after {Retries} retries", offer.OrderId, StorageRetries.Max);
            await settlement.DeadLetterAsync(
                StorageUnavailable,
                Short($"Storage was unavailable on {StorageRetries.Max + 1} tries: {failure.GetType().Name}: {failure.Message}"),
                ct);
            return AssignmentOutcome.DeadLettered;
        }

        // The copy first, then the original: should completing fail, the original comes back too and the
        // offer is delivered twice, which is harmless; completed without its copy, the offer would be lost.
        var at = clock.GetUtcNow() + StorageRetries.Wait(retry);
        await settlement.ScheduleAsync(OfferMessages.Create(offer, RetryId(offer, retry), at, retry), at, ct);
        await settlement.CompleteAsync(ct);
        logger.LogWarning(failure, "Offer of order {OrderId}: storage unavailable; retry {Retry} of {Max} at {At:u}", offer.OrderId, retry, StorageRetries.Max, at);
        return AssignmentOutcome.RetryScheduled;
    }

    private static string Short(string text) => text.Length <= MaxDescription ? text : text[..MaxDescription];
}
