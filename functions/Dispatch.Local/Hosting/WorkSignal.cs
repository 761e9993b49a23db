using System.Threading.Channels;

namespace Dispatch.Local.Hosting;

/// <summary>Wakes the loops when the request path creates work for them — an offer queued wakes the delivery loop
/// (<see cref="OfferDeliveryLoop"/>), a timer set wakes the background loop — so nothing on that path waits for a
/// poll, and an idle host sleeps. A wake-up raised while a loop is busy is kept (one is enough: a pass handles all
/// the work there is).</summary>
public sealed class WorkSignal
{
    private readonly Channel<bool> _raised = NewWakeUp();
    private readonly Channel<bool> _offers = NewWakeUp();
    private readonly Lock _gate = new();
    private DateTimeOffset? _earliestTimer;

    /// <summary>An offer was queued: deliver it now.</summary>
    public void Raise() => _offers.Writer.TryWrite(true);

    /// <summary>Waits until an offer is queued (at once if one was since the last wait).</summary>
    public async Task WaitForOfferAsync(CancellationToken ct) => await _offers.Reader.ReadAsync(ct);

    /// <summary>A timer was set for <paramref name="due"/>: the loop must be awake by then.</summary>
    public void TimerSet(DateTimeOffset due)
    {
        lock (_gate)
        {
            if (_earliestTimer is null || due < _earliestTimer)
            {
                _earliestTimer = due;
            }
        }

        _raised.Writer.TryWrite(true);
    }

    /// <summary>The earliest timer set since the last call, and forgets it (the loop re-reads the store's earliest).</summary>
    public DateTimeOffset? TakeEarliestTimer()
    {
        lock (_gate)
        {
            var earliest = _earliestTimer;
            _earliestTimer = null;
            return earliest;
        }
    }

    private static Channel<bool> NewWakeUp() =>
        Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Waits for a timer's wake-up or until <paramref name="timeout"/> has passed on <paramref name="clock"/>.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider clock, CancellationToken ct)
    {
        if (timeout <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new CancellationTokenSource(timeout, clock);
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct, timer.Token);
        try
        {
            await _raised.Reader.ReadAsync(wait.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // Timed out: time for the next scheduled pass.
        }
    }
}
