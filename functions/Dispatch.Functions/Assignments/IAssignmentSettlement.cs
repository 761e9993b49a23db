using Azure.Messaging.ServiceBus;

namespace Dispatch.Functions.Assignments;

/// <summary>What the consumer can do with the one message it was handed. The trigger adapts the Functions
/// host's ServiceBusMessageActions (and the queue's sender, for retries) to it; tests record the calls.</summary>
public interface IAssignmentSettlement
{
    /// <summary>Done: the message leaves the queue.</summary>
    Task CompleteAsync(CancellationToken ct);

    /// <summary>Into the dead-letter sub-queue with a reason (a short code) and a description for people.</summary>
    Task DeadLetterAsync(string reason, string description, CancellationToken ct);

    /// <summary>Back on the queue at once; its delivery count goes up.</summary>
    Task AbandonAsync(CancellationToken ct);

    /// <summary>Sends <paramref name="copy"/> to the queue, receivable from <paramref name="at"/>.</summary>
    Task ScheduleAsync(ServiceBusMessage copy, DateTimeOffset at, CancellationToken ct);
}
