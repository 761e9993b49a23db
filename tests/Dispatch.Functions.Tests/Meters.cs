using System.Collections.Concurrent;
using System.Diagnostics;

namespace Dispatch.Functions.Tests;

/// <summary>Counts the Azure SDK's HTTP requests (each one a billed storage transaction) by listening to
/// Azure.Core's diagnostic events, process-wide. Tests in one collection run one at a time.</summary>
public sealed class StorageMeter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly IDisposable _subscription;
    private readonly ConcurrentBag<IDisposable> _listeners = [];
    private int _requests;

    public StorageMeter() => _subscription = DiagnosticListener.AllListeners.Subscribe(this);

    public int Requests => Volatile.Read(ref _requests);

    public void Reset() => Interlocked.Exchange(ref _requests, 0);

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == "Azure.Core")
        {
            _listeners.Add(value.Subscribe(this));
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key == "Azure.Core.Http.Request.Start")
        {
            Interlocked.Increment(ref _requests);
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        _subscription.Dispose();
        foreach (var l in _listeners)
        {
            l.Dispose();
        }
    }
}

/// <summary>Executions per function name (each one a billed Functions execution in Azure).</summary>
public sealed class ExecutionMeter
{
    private readonly ConcurrentDictionary<string, int> _counts = new();

    public void Count(string name) => _counts.AddOrUpdate(name, 1, (_, n) => n + 1);

    public int this[string name] => _counts.GetValueOrDefault(name);

    public int Total => _counts.Values.Sum();

    public void Reset() => _counts.Clear();

    public override string ToString() => string.Join(", ", _counts.OrderBy(k => k.Key).Select(k => $"{k.Key}={k.Value}"));
}
