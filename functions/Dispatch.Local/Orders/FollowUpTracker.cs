namespace Dispatch.Local.Orders;

/// <summary>The follow-up runs in flight (<see cref="DeferredEffects"/>), so that what reads their rows (a page, the
/// dispatcher's open assignments and tallies) can first wait for the runs queued before it: a person sees their own
/// change on the next page, and a dispatch counts the assignment just accepted and the hours just confirmed.</summary>
public sealed class FollowUpTracker(ILogger<FollowUpTracker> logger)
{
    /// <summary>How long a read waits before using what is stored: a slow storage account should leave a list a moment
    /// stale, not fail it.</summary>
    public static readonly TimeSpan SettleLimit = TimeSpan.FromSeconds(5);

    private readonly Lock _gate = new();
    private readonly Dictionary<long, (Task Run, bool ChangesLoad)> _running = [];
    private long _sequence;

    /// <summary>Counts <paramref name="run"/> in until it ends; it must not fault (each run logs its own failure).
    /// <paramref name="changesLoad"/>: it may write what the matching weighs (a member's open assignments or tally).</summary>
    public void Track(Task run, bool changesLoad)
    {
        ArgumentNullException.ThrowIfNull(run);
        long id;
        lock (_gate)
        {
            id = ++_sequence;
            _running[id] = (run, changesLoad);
        }

        _ = run.ContinueWith(_ => Forget(id), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>Waits until the runs tracked so far have ended, at most <see cref="SettleLimit"/> (or until
    /// <paramref name="ct"/>, for a host stopping).</summary>
    public Task SettledAsync(CancellationToken ct) => SettledAsync(loadOnly: false, ct);

    /// <summary>Waits, as <see cref="SettledAsync(CancellationToken)"/>, for the runs that may change members' load only:
    /// a dispatch need not wait for the notices and lists of orders nobody holds (under load, most runs in flight).</summary>
    public Task LoadSettledAsync(CancellationToken ct) => SettledAsync(loadOnly: true, ct);

    private Task SettledAsync(bool loadOnly, CancellationToken ct)
    {
        Task[] queued;
        lock (_gate)
        {
            queued = [.. _running.Values.Where(r => r.ChangesLoad || !loadOnly).Select(r => r.Run)];
        }

        return queued.Length == 0 ? Task.CompletedTask : WaitAsync(Task.WhenAll(queued), ct);
    }

    /// <summary>Waits for <paramref name="runs"/>, at most <see cref="SettleLimit"/>: past it, the caller goes on with
    /// what is stored.</summary>
    public async Task WaitAsync(Task runs, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(runs);
        try
        {
            await runs.WaitAsync(SettleLimit, ct);
        }
        catch (TimeoutException)
        {
            logger.LogWarning("Follow-up effects still running after {Limit}; going on with what is stored", SettleLimit);
        }
    }

    private void Forget(long id)
    {
        lock (_gate)
        {
            _running.Remove(id);
        }
    }
}
