namespace Dispatch.Storage;

/// <summary>Where the storage account is and how to reach it. Either <see cref="ConnectionString"/>
/// (Azurite: "UseDevelopmentStorage=true" or an explicit connection string), or the service URIs with a
/// managed identity (<see cref="ClientId"/> for a user-assigned one).</summary>
public sealed class StorageOptions
{
    public string? ConnectionString { get; set; }

    public Uri? TableServiceUri { get; set; }

    public Uri? QueueServiceUri { get; set; }

    /// <summary>The blob endpoint (order photos); with the service URIs and no value, the table URI's ".blob." twin.</summary>
    public Uri? BlobServiceUri { get; set; }

    /// <summary>Client id of a user-assigned managed identity; null uses the default credential chain.</summary>
    public string? ClientId { get; set; }

    /// <summary>Put before every table and queue name (letters and digits only, starting with a letter),
    /// so several environments or test runs can share one account.</summary>
    public string TablePrefix { get; set; } = "";

    /// <summary>Base name of the offer queue; the poison queue is this name plus "-poison".</summary>
    public string AssignmentQueueName { get; set; } = "assignments";

    /// <summary>A message received more often than this goes to the poison queue.</summary>
    public int MaxDequeueCount { get; set; } = 5;

    // Bounded retries and timeouts: the SDK's defaults (3 retries from 0.8 s, 100 s network timeout) held a
    // request 5–6 s before failing when storage was out of reach. A caller is better served by a quick 503.

    /// <summary>Retries of one storage request after a transient failure (the Azure SDK's retry policy).</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>The first wait before a retry; it doubles (with jitter) up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long one try may wait for the service before it counts as failed.</summary>
    public TimeSpan NetworkTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>After this many storage requests in a row failed transiently (retries included), the circuit
    /// breaker opens and requests fail at once, without reaching storage, for <see cref="BreakerOpenFor"/>.</summary>
    public int BreakerFailures { get; set; } = 3;

    /// <summary>How long the breaker stays open before one trial request may try storage again.</summary>
    public TimeSpan BreakerOpenFor { get; set; } = TimeSpan.FromSeconds(10);
}
