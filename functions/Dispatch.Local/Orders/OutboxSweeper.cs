using Dispatch.Storage;

namespace Dispatch.Local.Orders;

/// <summary>Finishes effects that a crash or a failed call left in an order's outbox.</summary>
public sealed class OutboxSweeper(OutboxMarkers markers, EffectRunner runner, ILogger<OutboxSweeper> logger)
{
    public async Task<int> SweepOnceAsync(CancellationToken ct)
    {
        var pending = await markers.ListAsync(200, cancellationToken: ct);
        foreach (var (orderId, _) in pending)
        {
            try
            {
                await runner.RunAsync(orderId, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Effects of order {OrderId} failed; will retry", orderId);
            }
        }

        return pending.Count;
    }
}
