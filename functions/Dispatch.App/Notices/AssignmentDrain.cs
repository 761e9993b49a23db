using Dispatch.Storage;
using Microsoft.Extensions.Logging;

namespace Dispatch.App.Notices;

/// <summary>Takes offers off the Storage assignment queue and hands them to the notifier. A message is
/// deleted only after delivery, so a failure is retried and, after the queue's maximum dequeue count,
/// moved to the poison queue; delivery is idempotent, so a redelivered message changes nothing.</summary>
public sealed class AssignmentDrain(AssignmentQueue queue, INotifier notifier, ILogger<AssignmentDrain> logger)
{
    /// <summary>Bounds one drain: at most this many batches of <see cref="AssignmentQueue.MaxBatch"/>.</summary>
    public const int MaxRounds = 20;

    public static readonly TimeSpan Visibility = TimeSpan.FromMinutes(1);

    public async Task<int> DrainOnceAsync(CancellationToken ct)
    {
        var delivered = 0;
        for (var round = 0; round < MaxRounds; round++)
        {
            var messages = await queue.ReceiveAsync(AssignmentQueue.MaxBatch, Visibility, ct);
            // A batch's offers go to different orders and members: delivered side by side, so a burst of orders
            // does not queue each offer behind the others' storage requests.
            var outcomes = await Task.WhenAll(messages.Select(m => DeliverAsync(m, ct)));
            delivered += outcomes.Count(ok => ok);

            if (messages.Count == 0)
            {
                break;
            }
        }

        return delivered;
    }

    private async Task<bool> DeliverAsync(ReceivedAssignment message, CancellationToken ct)
    {
        try
        {
            await notifier.DeliverOfferAsync(message.Message, ct);
            await queue.DeleteAsync(message, ct);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Offer of order {OrderId} not delivered; the queue will retry", message.Message.OrderId);
            return false;
        }
    }
}
