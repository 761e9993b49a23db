using Azure.Messaging.ServiceBus;
using Dispatch.Functions.Assignments;

namespace Dispatch.Functions.Tests.ServiceBus;

/// <summary>Stands in for the trigger's settlement (ServiceBusMessageActions + the queue's sender): records
/// each call in order. Scheduling goes to a <see cref="RecordingServiceBusSender"/>, as the trigger's does.</summary>
public sealed class RecordingSettlement(RecordingServiceBusSender? queue = null) : IAssignmentSettlement
{
    private readonly List<string> _calls = [];

    public RecordingServiceBusSender Queue { get; } = queue ?? new RecordingServiceBusSender();

    /// <summary>"complete", "abandon", "dead-letter {reason}", "schedule {messageId}", in the order made.</summary>
    public IReadOnlyList<string> Calls => _calls;

    public string? DeadLetterDescription { get; private set; }

    public Task CompleteAsync(CancellationToken ct)
    {
        _calls.Add("complete");
        return Task.CompletedTask;
    }

    public Task DeadLetterAsync(string reason, string description, CancellationToken ct)
    {
        _calls.Add($"dead-letter {reason}");
        DeadLetterDescription = description;
        return Task.CompletedTask;
    }

    public Task AbandonAsync(CancellationToken ct)
    {
        _calls.Add("abandon");
        return Task.CompletedTask;
    }

    public async Task ScheduleAsync(ServiceBusMessage copy, DateTimeOffset at, CancellationToken ct)
    {
        await Queue.ScheduleMessageAsync(copy, at, ct);
        _calls.Add($"schedule {copy.MessageId}");
    }
}
