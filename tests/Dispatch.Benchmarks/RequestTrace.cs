using System.Collections.Concurrent;
using System.Diagnostics;

namespace Dispatch.Benchmarks;

/// <summary>With <c>--trace</c>: the storage requests of one measured cycle, step by step, as method and
/// resource (table and keys, queue, blob), so a request count can be read as a list of calls. Listens to
/// the "System.Net.Http" activities of this process; only Azurite's ports are kept.</summary>
public sealed class RequestTrace : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly HashSet<int> _ports;
    private readonly ConcurrentQueue<TracedCall> _calls = new();

    public RequestTrace(params int[] ports)
    {
        _ports = [.. ports];
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "System.Net.Http",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = OnStopped,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public bool Recording { get; set; }

    /// <summary>The calls since the last take, in completion order.</summary>
    public IReadOnlyList<TracedCall> Take()
    {
        var list = new List<TracedCall>();
        while (_calls.TryDequeue(out var call))
        {
            list.Add(call);
        }

        return list;
    }

    public void Dispose() => _listener.Dispose();

    private void OnStopped(Activity activity)
    {
        if (!Recording || activity.GetTagItem("url.full") is not string url || !Uri.TryCreate(url, UriKind.Absolute, out var uri)
            || !_ports.Contains(uri.Port))
        {
            return;
        }

        var method = activity.GetTagItem("http.request.method") as string ?? "?";
        var status = activity.GetTagItem("http.response.status_code")?.ToString() ?? "-";
        // Path: /devstoreaccount1/{table}(PartitionKey='…',RowKey='…') or /devstoreaccount1/$batch; the query names filters.
        var path = Uri.UnescapeDataString(uri.AbsolutePath);
        var slash = path.IndexOf('/', 1);
        var resource = slash < 0 ? path : path[(slash + 1)..];
        var query = Uri.UnescapeDataString(uri.Query);
        var filter = query.Contains("$filter=", StringComparison.Ordinal) ? " filter " + query[(query.IndexOf("$filter=", StringComparison.Ordinal) + 8)..].Split('&')[0] : "";
        _calls.Enqueue(new(
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{method,-6} {status,3} {activity.Duration.TotalMilliseconds,7:0.0} ms  {resource}{filter}"),
            StorageMeter.IsFollowUp(activity),
            activity.Duration.TotalMilliseconds,
            activity.StartTimeUtc));
    }
}

/// <summary>One storage request as the trace prints it, and whether an action's follow-ups made it.</summary>
public sealed record TracedCall(string Text, bool FollowUp, double Milliseconds, DateTime StartedUtc);
