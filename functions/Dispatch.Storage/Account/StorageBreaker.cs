using Azure.Core;
using Azure.Core.Pipeline;

namespace Dispatch.Storage;

/// <summary>A circuit breaker in the storage clients' pipeline, shared by every table and queue client of one
/// account. It sits before the SDK's retries, so it sees each request's final outcome. After
/// <see cref="StorageOptions.BreakerFailures"/> requests in a row failed transiently it opens: requests fail at
/// once with <see cref="StorageUnavailableException"/> instead of waiting on a storage that is down. When
/// <see cref="StorageOptions.BreakerOpenFor"/> has passed, requests try storage again (half-open): the first
/// success closes the breaker, so recovery needs no restart; a failure opens it for another period.</summary>
public sealed class StorageBreaker(int failuresToOpen, TimeSpan openFor, TimeProvider clock) : HttpPipelinePolicy
{
    private readonly Lock _gate = new();
    private int _failures;
    private DateTimeOffset _openUntil = DateTimeOffset.MinValue;

    /// <summary>True while requests are refused without reaching storage.</summary>
    public bool IsOpen
    {
        get
        {
            lock (_gate)
            {
                return _failures >= failuresToOpen && clock.GetUtcNow() < _openUntil;
            }
        }
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        ArgumentNullException.ThrowIfNull(message);
        Enter();
        try
        {
            await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
        }
        catch (Exception e) when (!message.CancellationToken.IsCancellationRequested && TransientFailures.IsTransient(e))
        {
            Record(failed: true);
            throw;
        }

        Record(failed: IsTransientStatus(message));
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        ArgumentNullException.ThrowIfNull(message);
        Enter();
        try
        {
            ProcessNext(message, pipeline);
        }
        catch (Exception e) when (!message.CancellationToken.IsCancellationRequested && TransientFailures.IsTransient(e))
        {
            Record(failed: true);
            throw;
        }

        Record(failed: IsTransientStatus(message));
    }

    private static bool IsTransientStatus(HttpMessage message) =>
        message.HasResponse && message.Response.Status is 408 or 429 or >= 500;

    /// <summary>Refuses while open. Half-open lets every caller try, not just one: a request making several
    /// storage calls at once would otherwise be refused in part while storage is already back.</summary>
    private void Enter()
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            if (_failures >= failuresToOpen && now < _openUntil)
            {
                throw new StorageUnavailableException(_openUntil - now);
            }
        }
    }

    private void Record(bool failed)
    {
        lock (_gate)
        {
            if (!failed)
            {
                _failures = 0;
                return;
            }

            _failures++;
            if (_failures >= failuresToOpen)
            {
                _openUntil = clock.GetUtcNow() + openFor;
            }
        }
    }
}

/// <summary>Storage is out of reach: the breaker is open, so the request was not even tried. Try again after
/// <see cref="RetryAfter"/>.</summary>
public sealed class StorageUnavailableException : Exception
{
    public StorageUnavailableException(TimeSpan retryAfter)
        : base($"Storage is unavailable; try again in {retryAfter.TotalSeconds:0.#} s.")
    {
        RetryAfter = retryAfter;
    }

    public StorageUnavailableException()
        : this(TimeSpan.Zero)
    {
    }

    public StorageUnavailableException(string message)
        : base(message)
    {
    }

    public StorageUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public TimeSpan RetryAfter { get; }
}
