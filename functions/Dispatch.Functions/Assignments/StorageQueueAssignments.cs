using Dispatch.App.Notices;
using Dispatch.Core.Orders;
using Dispatch.Storage;
using Microsoft.Azure.Functions.Worker;

namespace Dispatch.Functions.Assignments;

// Without Service Bus settings (AssignmentTransport), offers go through the Storage queue of Dispatch.Storage
// (AssignmentQueue: poison queue after MaxDequeueCount), drained every few seconds by a timer. A fallback for
// development machines, not the deployed design: it polls, and costs a queue transaction per poll when idle.

/// <summary>Sends offers to the Storage queue.</summary>
public sealed class StorageQueueAssignmentSender(AssignmentQueue queue) : IAssignmentSender
{
    public Task SendAsync(SendOffer offer, CancellationToken ct) => queue.SendAsync(offer, cancellationToken: ct);
}

/// <summary>Every 10 seconds, the shared drain hands queued offers to the notifier. With Service Bus it returns
/// at once without touching storage; the deployment also switches it off
/// (AzureWebJobs.AssignmentQueueDrain.Disabled in infra/main.bicep), so it does not wake the app every 10
/// seconds.</summary>
public sealed class StorageQueueAssignmentDrain(AssignmentDrain drain, AssignmentTransport transport)
{
    public const string Name = "AssignmentQueueDrain";

    [Function(Name)]
    public async Task Run([TimerTrigger("*/10 * * * * *")] TimerInfo timer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(timer);
        await DrainAsync(ct);
    }

    /// <summary>The number of offers delivered; 0 with Service Bus.</summary>
    public Task<int> DrainAsync(CancellationToken ct) => transport.UsesServiceBus ? Task.FromResult(0) : drain.DrainOnceAsync(ct);
}
