using Dispatch.Storage;

namespace Dispatch.Local.Assignments;

/// <summary>Takes offers off the assignment queue and hands them to the notifier. A message is deleted
/// only after delivery; delivery is idempotent, so a redelivered message changes nothing.</summary>
public sealed class AssignmentConsumer(AssignmentQueue queue, INotifier notifier, ILogger<AssignmentConsumer> logger)
{
    public async Task<int> DrainOnceAsync(CancellationToken ct)
    {
        var delivered = 0;
        for (var round = 0; round < 20; round++)
        {
            var messages = await queue.ReceiveAsync(32, TimeSpan.FromMinutes(1), ct);
            foreach (var message in messages)
            {
                try
                {
                    await notifier.DeliverOfferAsync(message.Message, ct);
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
