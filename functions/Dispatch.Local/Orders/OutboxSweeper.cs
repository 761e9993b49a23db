using Dispatch.Local.Hosting;
using Dispatch.Storage;
using Microsoft.Extensions.Options;

namespace Dispatch.Local.Orders;

/// <summary>Finishes effects that a crash or a failed call left in an order's outbox. A failed effect marks its
/// order (<see cref="OutboxMarkers"/>), read on every upkeep pass; a crash leaves no mark, so on start and every
/// <see cref="DispatchOptions.PendingScanInterval"/> the sweeper also scans for order rows saved with effects.</summary>
public sealed class OutboxSweeper(
    OutboxMarkers markers,
    OrderStore orders,
    EffectRunner runner,
    TimeProvider clock,
    IOptions<DispatchOptions> options,
    ILogger<OutboxSweeper> logger)
{
    /// <summary>An order younger than this may belong to a request still running its effects: leave it to
    /// that request, so the same effects are not run twice at once (harmless, but double the work).</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(10);

    private const int MaxPerPass = 200;

    // Per process: a new process scans on its first pass, which is how a crash's leftovers are found.
    private DateTimeOffset _nextScan = DateTimeOffset.MinValue;

    public async Task<int> SweepOnceAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var pending = (await markers.ListAsync(MaxPerPass, markedBefore: now - Grace, cancellationToken: ct)).Select(m => m.OrderId).ToList();
        if (now >= _nextScan)
        {
            pending.AddRange(await orders.PendingAsync(now - Grace, MaxPerPass, ct));
            _nextScan = now + options.Value.PendingScanInterval;
        }

        var ids = pending.Distinct().ToList();
        foreach (var orderId in ids)
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

        return ids.Count;
    }
}
