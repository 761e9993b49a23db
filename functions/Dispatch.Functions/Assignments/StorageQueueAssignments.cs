using Dispatch.Core.Orders;
using Dispatch.Storage;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Dispatch.Functions.Assignments;

// Compiled only with DispatchWithServiceBus=false: a build without the Service Bus packages. Offers go
// through the Storage queue of Dispatch.Storage (AssignmentQueue: poison queue after MaxDequeueCount),
// drained every few seconds by a timer. A fallback for development machines, not the deployed design:
// it polls, and costs a queue transaction per poll even when idle.

/// <summary>Sends offers to the Storage queue.</summary>
public sealed class StorageQueueAssignmentSender(AssignmentQueue queue) : IAssignmentSender
{
    public Task SendAsync(SendOffer offer, CancellationToken ct) => queue.SendAsync(offer, cancellationToken: ct);
}

/// <summary>Drains the Storage queue and hands each offer to the notifier; a message is deleted only after
/// delivery, so a failure is retried and, after MaxDequeueCount, moved to the poison queue.</summary>
public sealed class StorageQueueAssignmentDrain(AssignmentQueue queue, AssignmentDelivery delivery, ILogger<StorageQueueAssignmentDrain> logger)
{
    public const string Name = "AssignmentQueueDrain";

    [Function(Name)]
    public async Task Run([TimerTrigger("*/10 * * * * *")] TimerInfo timer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(timer);
        await DrainOnceAsync(ct);
    }

    public async Task<int> DrainOnceAsync(CancellationToken ct)
    {
        var delivered = 0;
        for (var round = 0; round < 20; round++)
        {
            var messages = await queue.ReceiveAsync(AssignmentQueue.MaxBatch, TimeSpan.FromMinutes(1), ct);
            foreach (var message in messages)
            {
                try
                {
                    await delivery.DeliverAsync(message.Message, ct);
                    await queue.DeleteAsync(message, ct);
                    delivered++;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogError(e, "Offer of order {OrderId} not delivered; the queue will retry", message.Message.OrderId);
                }
            }

            if (messages.Count == 0)
            {
                break;
            }
        }

        return delivered;
    }
}
