using Dispatch.Core.Orders;
using Dispatch.Storage;
using Microsoft.Azure.Functions.Worker;
using Dispatch.App.Notices;

namespace Dispatch.Functions.Assignments;

// Compiled only with DispatchWithServiceBus=false: a build without the Service Bus packages. Offers go
// through the Storage queue of Dispatch.Storage (AssignmentQueue: poison queue after MaxDequeueCount),
// drained every few seconds by a timer. A fallback for development machines, not the deployed design:
// it polls, and costs a queue transaction per poll even when idle.

/// <summary>Sends offers to the Storage queue.</summary>
public sealed class StorageQueueAssignmentSender(AssignmentQueue queue) : IAssignmentSender
{
    public Task SendAsync(SendOffer offer, CancellationToken ct) => queue.SendAsync(offer, cancellationToken: ct);
}

/// <summary>Every few seconds, the shared drain hands queued offers to the notifier.</summary>
public sealed class StorageQueueAssignmentDrain(AssignmentDrain drain)
{
    public const string Name = "AssignmentQueueDrain";

    [Function(Name)]
    public async Task Run([TimerTrigger("*/10 * * * * *")] TimerInfo timer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(timer);
        await drain.DrainOnceAsync(ct);
    }
}
