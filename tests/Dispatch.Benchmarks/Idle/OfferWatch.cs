using System.Collections.Concurrent;
using System.Diagnostics;
using Dispatch.App.Notices;

namespace Dispatch.Benchmarks.Idle;

/// <summary>When each order's first offer reached its member's inbox, from the host's own delivery span
/// (<see cref="InboxNotifier.Tracing"/>): the benchmark learns it without reading the inbox over and over, reads that
/// would load the store it is timing (16 clients polling every 10 ms asked Azurite for more than it can serve).</summary>
internal sealed class OfferWatch : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly ConcurrentDictionary<string, TaskCompletionSource<(DateTimeOffset At, string MemberId)>> _offers = new();

    public OfferWatch()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == InboxNotifier.TracingName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = Stopped,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>When <paramref name="orderId"/>'s first offer was written to the inbox and to whom; waits at most
    /// <paramref name="limit"/> (then null).</summary>
    public async Task<(DateTimeOffset At, string MemberId)?> InInboxAsync(string orderId, TimeSpan limit)
    {
        try
        {
            return await Entry(orderId).Task.WaitAsync(limit);
        }
        catch (TimeoutException)
        {
            return null;
        }
    }

    public void Dispose() => _listener.Dispose();

    private TaskCompletionSource<(DateTimeOffset, string)> Entry(string orderId) =>
        _offers.GetOrAdd(orderId, _ => new(TaskCreationOptions.RunContinuationsAsynchronously));

    private void Stopped(Activity span)
    {
        if (span.GetTagItem("dispatch.order_id") is string orderId && span.GetTagItem("dispatch.member_id") is string memberId
            && span.Events.FirstOrDefault(e => e.Name == InboxNotifier.InInbox) is { Name: not null } inInbox)
        {
            Entry(orderId).TrySetResult((inInbox.Timestamp, memberId));
        }
    }
}
