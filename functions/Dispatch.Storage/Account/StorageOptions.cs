namespace Dispatch.Storage;

/// <summary>Where the storage account is and how to reach it. Either <see cref="ConnectionString"/>
/// (Azurite: "UseDevelopmentStorage=true" or an explicit connection string), or the service URIs with a
/// managed identity (<see cref="ClientId"/> for a user-assigned one).</summary>
public sealed class StorageOptions
{
    public string? ConnectionString { get; set; }

    public Uri? TableServiceUri { get; set; }

    public Uri? QueueServiceUri { get; set; }

    /// <summary>Client id of a user-assigned managed identity; null uses the default credential chain.</summary>
    public string? ClientId { get; set; }

    /// <summary>Put before every table and queue name (letters and digits only, starting with a letter),
    /// so several environments or test runs can share one account.</summary>
    public string TablePrefix { get; set; } = "";

    /// <summary>Base name of the offer queue; the poison queue is this name plus "-poison".</summary>
    public string AssignmentQueueName { get; set; } = "assignments";

    /// <summary>A message received more often than this goes to the poison queue.</summary>
    public int MaxDequeueCount { get; set; } = 5;
}
