using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Dispatch.Benchmarks;

/// <summary>Counts the host's HTTP requests to Azurite: every completed request of this process is one
/// "http.client.request.duration" measurement on the "System.Net.Http" meter, tagged with server.port,
/// so requests to Azurite's table, queue and blob ports are storage operations (retries included).
/// The benchmark's own calls to the host go to Kestrel's port and are not counted.</summary>
public sealed class StorageMeter : IDisposable
{
    /// <summary>The local host's follow-up spans (<c>DeferredEffects.TracingName</c>), named here because the task hub
    /// benchmark compiles this file without the local host.</summary>
    public const string FollowUpSource = "Dispatch.Local.FollowUps";

    private readonly MeterListener _listener = new();
    private readonly ActivityListener _followUps;
    private readonly int _tablePort;
    private readonly int _queuePort;
    private readonly int _blobPort;
    private long _table;
    private long _queue;
    private long _blob;
    private long _followUp;
    private long _pathMicroseconds;

    public StorageMeter(int tablePort, int queuePort, int blobPort)
    {
        (_tablePort, _queuePort, _blobPort) = (tablePort, queuePort, blobPort);
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "System.Net.Http" && instrument.Name == "http.client.request.duration")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>(OnMeasurement);
        _listener.Start();
        // The follow-up runs' spans exist only when someone listens; each flows to the requests the run makes.
        _followUps = new ActivityListener
        {
            ShouldListenTo = source => source.Name == FollowUpSource,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
        };
        ActivitySource.AddActivityListener(_followUps);
    }

    /// <summary>Whether the span (or one of its parents) is an action's follow-up run.</summary>
    public static bool IsFollowUp(Activity? activity)
    {
        for (var a = activity; a is not null; a = a.Parent)
        {
            if (a.Source.Name == FollowUpSource)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Counts since the start or the last <see cref="Reset"/>.</summary>
    public StorageCounts Read() =>
        new(Interlocked.Read(ref _table), Interlocked.Read(ref _queue), Interlocked.Read(ref _blob), Interlocked.Read(ref _followUp),
            Interlocked.Read(ref _pathMicroseconds));

    public void Reset()
    {
        Interlocked.Exchange(ref _table, 0);
        Interlocked.Exchange(ref _queue, 0);
        Interlocked.Exchange(ref _blob, 0);
        Interlocked.Exchange(ref _followUp, 0);
        Interlocked.Exchange(ref _pathMicroseconds, 0);
    }

    public void Dispose()
    {
        _listener.Dispose();
        _followUps.Dispose();
    }

    private void OnMeasurement(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        foreach (var tag in tags)
        {
            if (tag.Key != "server.port")
            {
                continue;
            }

            var port = tag.Value switch
            {
                int i => i,
                long l => (int)l,
                string s when int.TryParse(s, out var p) => p,
                _ => -1,
            };
            if (port == _tablePort || port == _queuePort || port == _blobPort)
            {
                if (IsFollowUp(Activity.Current))
                {
                    Interlocked.Increment(ref _followUp);
                }
                else
                {
                    Interlocked.Add(ref _pathMicroseconds, (long)(value * 1_000_000)); // the instrument's unit is seconds
                }
            }

            if (port == _tablePort)
            {
                Interlocked.Increment(ref _table);
            }
            else if (port == _queuePort)
            {
                Interlocked.Increment(ref _queue);
            }
            else if (port == _blobPort)
            {
                Interlocked.Increment(ref _blob);
            }

            return;
        }
    }
}

/// <summary>Storage requests by service; <see cref="FollowUp"/> says how many of them (of any service) an action's
/// follow-ups made after its answer (the local host's <c>DeferredEffects</c>); <see cref="PathMicroseconds"/> is how long
/// the others took, added up.</summary>
public readonly record struct StorageCounts(long Table, long Queue, long Blob, long FollowUp = 0, long PathMicroseconds = 0)
{
    public long Total => Table + Queue + Blob;

    /// <summary>The time the request path's storage requests took, added up.</summary>
    public double PathMilliseconds => PathMicroseconds / 1000.0;

    /// <summary>Those made while serving a request or a loop, not by an action's follow-ups.</summary>
    public long RequestPath => Total - FollowUp;

    public static StorageCounts operator -(StorageCounts a, StorageCounts b) =>
        new(a.Table - b.Table, a.Queue - b.Queue, a.Blob - b.Blob, a.FollowUp - b.FollowUp, a.PathMicroseconds - b.PathMicroseconds);

    public static StorageCounts operator +(StorageCounts a, StorageCounts b) =>
        new(a.Table + b.Table, a.Queue + b.Queue, a.Blob + b.Blob, a.FollowUp + b.FollowUp, a.PathMicroseconds + b.PathMicroseconds);
}
