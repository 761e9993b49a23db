using Dispatch.Core.Orders;
using Dispatch.Local.Orders;
using Dispatch.Storage;

namespace Dispatch.Local.Timers;

/// <summary>Fires durable timers that are due by the host's clock. A timer is deleted only after the
/// decider saw it, so a crash means it fires again — and the decider calls a repeat stale.</summary>
public sealed class TimerPump(TimerStore timers, OrderWorkflow workflow, EffectRunner runner, TimeProvider clock, ILogger<TimerPump> logger)
{
    public const int Batch = 100;

    /// <summary>Fires every due timer; returns how many fired.</summary>
    public async Task<int> PumpOnceAsync(CancellationToken ct)
    {
        var fired = 0;
        for (var round = 0; round < 50; round++)
        {
            var due = await timers.DueAsync(clock.GetUtcNow(), Batch, ct);
            foreach (var timer in due)
            {
                var (saved, decision) = await workflow.ApplyAsync(timer.OrderId, new TimerFired(timer.Kind, timer.Round), ct);
                if (decision is Decision.Changed)
                {
                    await runner.RunAsync(saved, ct);
                    fired++;
                }
                else if (decision is Decision.Rejected { Rejection: { Code: not RejectionCode.StaleTimer } refused })
                {
                    logger.LogWarning("Timer {Kind} of order {OrderId} refused: {Reason}", timer.Kind, timer.OrderId, refused.Message);
                }

                await timers.DeleteAsync(timer, ct);
            }

            if (due.Count < Batch)
            {
                break;
            }
        }

        return fired;
    }
}
