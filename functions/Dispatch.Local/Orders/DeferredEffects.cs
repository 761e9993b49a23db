using System.Diagnostics;
using Dispatch.Storage;

namespace Dispatch.Local.Orders;

/// <summary>Runs, just after an action answered, the effects its answer does not show (<see cref="EffectRunner.IsDeferred"/>:
/// the organizer list, inboxes and closed orders, notices and channel messages, withdrawals, escalations, the service
/// record), then clears the order's outbox in one write. They stay in the order row's outbox until then, so a crash loses nothing: the
/// sweeper finds the row. One order's runs go one after the other (an action on the order waits for them first, see
/// <see cref="Hosting.FollowUpsFirst"/>; a timer's or the sweeper's may not); different orders run side by side, a few
/// at a time. Reads of their rows wait for them through <see cref="FollowUpTracker"/>.</summary>
public sealed class DeferredEffects(EffectRunner runner, FollowUpTracker tracker, ILogger<DeferredEffects> logger) : IHostedService, IDisposable
{
    /// <summary>How many orders' follow-ups run at once: enough to keep up with the request path, few enough not to
    /// crowd it out of the storage account.</summary>
    private const int Parallel = 8;

    /// <summary>Each run is a "follow-ups" span, so traces (and the benchmark's storage meter) tell its storage requests
    /// from the request path's.</summary>
    public static readonly ActivitySource Tracing = new(TracingName);

    public const string TracingName = "Dispatch.Local.FollowUps";

    public const string SpanName = "follow-ups";

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Task<IReadOnlySet<string>>> _lastPerOrder = [];
    private readonly SemaphoreSlim _slots = new(Parallel);

    /// <summary>Queues the follow-ups of an order as the request path left it; <paramref name="done"/> are the effects
    /// the request already ran (they leave the outbox with the follow-ups).</summary>
    public void Enqueue(StoredOrder order, IReadOnlySet<string> done)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(done);
        Task<IReadOnlySet<string>> run;
        lock (_gate)
        {
            var previous = _lastPerOrder.GetValueOrDefault(order.OrderId) ?? Task.FromResult<IReadOnlySet<string>>(new HashSet<string>());
            run = RunAfterAsync(previous, order, done);
            _lastPerOrder[order.OrderId] = run;
        }

        // An order someone holds (or held) moves open assignments and tallies; one only offered, escalated or
        // cancelled before acceptance does not.
        tracker.Track(run, changesLoad: order.State.MemberId is not null);
        _ = run.ContinueWith(_ => Forget(order.OrderId, run), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>Waits until the order's queued follow-ups have run (at most <see cref="FollowUpTracker.SettleLimit"/>).</summary>
    public Task SettledAsync(string orderId, CancellationToken ct)
    {
        Task? last;
        lock (_gate)
        {
            last = _lastPerOrder.GetValueOrDefault(orderId);
        }

        return last is null ? Task.CompletedTask : tracker.WaitAsync(last, ct);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Lets the queued follow-ups finish before the host stops; what does not is the next start's sweep's.</summary>
    public Task StopAsync(CancellationToken cancellationToken) => tracker.SettledAsync(cancellationToken);

    public void Dispose() => _slots.Dispose();

    /// <summary>Runs after the order's previous follow-ups, skipping what they ran (a later save still lists it when it
    /// came before they cleared the outbox). Answers every effect known to have run, for the next.</summary>
    private async Task<IReadOnlySet<string>> RunAfterAsync(Task<IReadOnlySet<string>> previous, StoredOrder order, IReadOnlySet<string> done)
    {
        // Off the request's thread and token: the answer is on its way, and the client going away must not stop these.
        await Task.Yield();
        var ran = new HashSet<string>(await previous); // never faults: each run logs its own failure
        ran.UnionWith(done);
        await _slots.WaitAsync();
        using var span = Tracing.StartActivity(SpanName);
        span?.SetTag("dispatch.order_id", order.OrderId);
        try
        {
            ran.UnionWith((await runner.RunAsync(order, ran, CancellationToken.None)).Done);
        }
        catch (Exception e)
        {
            // The runner marked the order: the next upkeep pass tries again.
            logger.LogWarning(e, "Follow-up effects of order {OrderId} failed; the next upkeep pass retries them", order.OrderId);
        }
        finally
        {
            _slots.Release();
        }

        return ran;
    }

    private void Forget(string orderId, Task<IReadOnlySet<string>> run)
    {
        lock (_gate)
        {
            if (_lastPerOrder.TryGetValue(orderId, out var last) && last == run)
            {
                _lastPerOrder.Remove(orderId);
            }
        }
    }
}
