using Dispatch.Storage;

namespace Dispatch.Local.Orders;

/// <summary>Finishes effects that a crash or a failed call left in an order's outbox.</summary>
public sealed class OutboxSweeper(OutboxMarkers markers, EffectRunner runner, TimeProvider clock, ILogger<OutboxSweeper> logger)
{
    /// <summary>A marker younger than this belongs to a request still running its effects: leave it to
    /// that request, so the same effects are not run twice at once (harmless, but double the work).</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(10);

    public async Task<int> SweepOnceAsync(CancellationToken ct)
    {
        var pending = await markers.ListAsync(200, markedBefore: clock.GetUtcNow() - Grace, cancellationToken: ct);
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
