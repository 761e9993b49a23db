using System.Globalization;
using System.Text.Json;
using DurableTask.AzureStorage;
using Microsoft.Extensions.Logging;

namespace Dispatch.TaskHub.Benchmarks;

/// <summary>The task hub settings the Functions host would use: <c>extensions.durableTask.storageProvider</c> of
/// functions/Dispatch.Functions/host.json, and the Durable extension's (3.x) defaults where host.json is silent.
/// The benchmark's options may replace each one, to compare.</summary>
public sealed record HubSettings(TimeSpan MaxQueuePollingInterval, int PartitionCount, bool UseTablePartitionManagement, bool ExtendedSessions)
{
    /// <summary>The extension's defaults: 30 s polling ceiling, 4 partitions, partitions leased in a table.</summary>
    public static HubSettings Defaults { get; } = new(TimeSpan.FromSeconds(30), 4, true, false);

    public static HubSettings FromHostJson(string path)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        var settings = Defaults;
        if (!json.RootElement.TryGetProperty("extensions", out var extensions) || !extensions.TryGetProperty("durableTask", out var durable))
        {
            return settings;
        }

        if (durable.TryGetProperty("extendedSessionsEnabled", out var sessions))
        {
            settings = settings with { ExtendedSessions = sessions.GetBoolean() };
        }

        if (!durable.TryGetProperty("storageProvider", out var provider))
        {
            return settings;
        }

        if (provider.TryGetProperty("maxQueuePollingInterval", out var poll))
        {
            settings = settings with { MaxQueuePollingInterval = TimeSpan.Parse(poll.GetString()!, CultureInfo.InvariantCulture) };
        }

        if (provider.TryGetProperty("partitionCount", out var partitions))
        {
            settings = settings with { PartitionCount = partitions.GetInt32() };
        }

        if (provider.TryGetProperty("useTablePartitionManagement", out var table))
        {
            settings = settings with { UseTablePartitionManagement = table.GetBoolean() };
        }

        return settings;
    }

    public AzureStorageOrchestrationServiceSettings ToBackend(string connectionString, string hubName, ILoggerFactory loggers) => new()
    {
        StorageAccountClientProvider = new StorageAccountClientProvider(connectionString),
        TaskHubName = hubName,
        PartitionCount = PartitionCount,
        MaxQueuePollingInterval = MaxQueuePollingInterval,
        UseTablePartitionManagement = UseTablePartitionManagement,
        ExtendedSessionsEnabled = ExtendedSessions,
        LoggerFactory = loggers,
        WorkerId = "taskhub-benchmark",
    };

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"maxQueuePollingInterval {MaxQueuePollingInterval:c}, partitionCount {PartitionCount}, "
        + $"{(UseTablePartitionManagement ? "table" : "blob")} partition management, extended sessions {(ExtendedSessions ? "on" : "off")}");
}
