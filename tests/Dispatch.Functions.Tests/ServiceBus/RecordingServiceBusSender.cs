using System.Collections.Concurrent;
using Azure.Messaging.ServiceBus;

namespace Dispatch.Functions.Tests.ServiceBus;

/// <summary>A ServiceBusSender (the SDK's mocking constructor) that keeps what it was given instead of
/// sending it; <see cref="FailWith"/> makes the next send or schedule throw, as a broker outage would.</summary>
public sealed class RecordingServiceBusSender : ServiceBusSender
{
    private readonly ConcurrentQueue<(ServiceBusMessage Message, DateTimeOffset? At)> _messages = new();

    public IReadOnlyList<ServiceBusMessage> Sent => [.. _messages.Where(m => m.At is null).Select(m => m.Message)];

    public IReadOnlyList<(ServiceBusMessage Message, DateTimeOffset At)> Scheduled =>
        [.. _messages.Where(m => m.At is not null).Select(m => (m.Message, m.At!.Value))];

    public Exception? FailWith { get; set; }

    public override Task SendMessageAsync(ServiceBusMessage message, CancellationToken cancellationToken = default)
    {
        Trip();
        _messages.Enqueue((message, null));
        return Task.CompletedTask;
    }

    public override Task<long> ScheduleMessageAsync(ServiceBusMessage message, DateTimeOffset scheduledEnqueueTime, CancellationToken cancellationToken = default)
    {
        Trip();
        _messages.Enqueue((message, scheduledEnqueueTime));
        return Task.FromResult((long)_messages.Count);
    }

    private void Trip()
    {
        if (FailWith is { } failure)
        {
            FailWith = null;
            throw failure;
        }
    }
}
