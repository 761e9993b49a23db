using System.Text.RegularExpressions;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace Dispatch.Storage;

/// <summary>The storage account: builds the table, queue and blob clients once and names every table and queue.</summary>
public sealed partial class StorageAccount
{
    private readonly Lock _gate = new();
    private Task? _ensureCreated;

    /// <param name="clock">The breaker's clock (default: the system clock).</param>
    public StorageAccount(StorageOptions options, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        Breaker = new StorageBreaker(Math.Max(1, options.BreakerFailures), options.BreakerOpenFor, clock ?? TimeProvider.System);
        if (!PrefixPattern().IsMatch(options.TablePrefix))
        {
            throw new ArgumentException(
                "TablePrefix must be empty or letters and digits starting with a letter.", nameof(options));
        }

        if (options.TablePrefix.Length > MaxTablePrefixLength)
        {
            throw new ArgumentException(
                $"TablePrefix must be at most {MaxTablePrefixLength} characters (a table name holds 63).", nameof(options));
        }

        if (!QueueNamePattern().IsMatch(options.AssignmentQueueName))
        {
            throw new ArgumentException(
                "AssignmentQueueName must be lower-case letters, digits and single hyphens.", nameof(options));
        }

        // Azure.Storage.Queues 12.28 sends a newer service version than Azurite 3.35 accepts: pin it.
        var queueOptions = new QueueClientOptions(QueueClientOptions.ServiceVersion.V2025_11_05)
        {
            MessageEncoding = QueueMessageEncoding.Base64,
        };
        var tableOptions = new TableClientOptions();
        // Pinned for the same reason as the queues: Azurite 3.35 knows no newer blob service version.
        var blobOptions = new BlobClientOptions(BlobClientOptions.ServiceVersion.V2025_11_05);
        Bound(tableOptions, options, Breaker);
        Bound(queueOptions, options, Breaker);
        Bound(blobOptions, options, Breaker);

        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            Tables = new TableServiceClient(options.ConnectionString, tableOptions);
            Queues = new QueueServiceClient(options.ConnectionString, queueOptions);
            Blobs = new BlobServiceClient(options.ConnectionString, blobOptions);
        }
        else if (options.TableServiceUri is { } tableUri && options.QueueServiceUri is { } queueUri)
        {
            TokenCredential credential = new DefaultAzureCredential(new DefaultAzureCredentialOptions
            {
                ManagedIdentityClientId = options.ClientId,
            });
            Tables = new TableServiceClient(tableUri, credential, tableOptions);
            Queues = new QueueServiceClient(queueUri, credential, queueOptions);
            var blobUri = options.BlobServiceUri
                ?? new Uri(tableUri.AbsoluteUri.Replace(".table.", ".blob.", StringComparison.OrdinalIgnoreCase));
            Blobs = new BlobServiceClient(blobUri, credential, blobOptions);
        }
        else
        {
            throw new ArgumentException(
                "Set either ConnectionString, or both TableServiceUri and QueueServiceUri.", nameof(options));
        }

        AssignmentQueueName = (options.TablePrefix + options.AssignmentQueueName).ToLowerInvariant();
        PoisonQueueName = AssignmentQueueName + "-poison";
        PhotoContainerName = (options.TablePrefix + "photos").ToLowerInvariant();
    }

    /// <summary>63, Table Storage's longest name, less the longest base name (a community's records table).</summary>
    public const int MaxTablePrefixLength = 63 - 23;

    public StorageOptions Options { get; }

    /// <summary>The circuit breaker every table and queue client of this account goes through.</summary>
    public StorageBreaker Breaker { get; }

    /// <summary>What this process last wrote to each projected row (see <see cref="Projection"/>).</summary>
    public ProjectionMemory Projections { get; } = new();

    public TableServiceClient Tables { get; }

    public QueueServiceClient Queues { get; }

    public BlobServiceClient Blobs { get; }

    /// <summary>The container of residents' order photos (prefix lower-cased + "photos").</summary>
    public string PhotoContainerName { get; }

    /// <summary>The full name of the offer queue (prefix lower-cased + base name).</summary>
    public string AssignmentQueueName { get; }

    public string PoisonQueueName { get; }

    /// <summary>The full table name for a base name from <see cref="TableNames"/>.</summary>
    public string TableName(string baseName) => Options.TablePrefix + baseName;

    public TableClient Table(string baseName) => Tables.GetTableClient(TableName(baseName));

    public QueueClient Queue(string fullName) => Queues.GetQueueClient(fullName);

    /// <summary>Creates every table and queue if missing. Runs once per instance; a failed run is retried
    /// by the next call. Safe to call from many threads and many processes.</summary>
    public Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (_ensureCreated is null || _ensureCreated.IsFaulted || _ensureCreated.IsCanceled)
            {
                _ensureCreated = CreateAllAsync(cancellationToken);
            }

            return _ensureCreated;
        }
    }

    private async Task CreateAllAsync(CancellationToken cancellationToken)
    {
        var work = new List<Task>();
        foreach (var name in TableNames.All)
        {
            work.Add(Table(name).CreateIfNotExistsAsync(cancellationToken));
        }

        work.Add(Queue(AssignmentQueueName).CreateIfNotExistsAsync(cancellationToken: cancellationToken));
        work.Add(Queue(PoisonQueueName).CreateIfNotExistsAsync(cancellationToken: cancellationToken));
        await Task.WhenAll(work).ConfigureAwait(false);
    }

    /// <summary>Bounded retries and timeouts, and the shared breaker before the retries (per call).</summary>
    private static void Bound(ClientOptions client, StorageOptions options, StorageBreaker breaker)
    {
        client.Retry.Mode = RetryMode.Exponential;
        client.Retry.MaxRetries = options.MaxRetries;
        client.Retry.Delay = options.RetryDelay;
        client.Retry.MaxDelay = options.MaxRetryDelay;
        client.Retry.NetworkTimeout = options.NetworkTimeout;
        client.AddPolicy(breaker, HttpPipelinePosition.PerCall);
    }

    [GeneratedRegex("^([A-Za-z][A-Za-z0-9]*)?$")]
    private static partial Regex PrefixPattern();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex QueueNamePattern();
}
