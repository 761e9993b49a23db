using Azure.Messaging.ServiceBus;
using Dispatch.Functions.Assignments;
using Dispatch.Storage;
using static Dispatch.Functions.Tests.ServiceBus.Messages;

namespace Dispatch.Functions.Tests.ServiceBus;

/// <summary>A dead-letter sub-queue in memory, behind the SDK's own ServiceBusClient and ServiceBusReceiver
/// types (their mocking constructors): peeks, peek-lock receives that hand out at most
/// <see cref="BatchLimit"/> unlocked messages (a broker may return fewer than asked), complete and abandon.</summary>
public sealed class FakeDeadLetterQueue
{
    private readonly List<ServiceBusReceivedMessage> _messages = [];
    private readonly HashSet<long> _locked = [];

    public int BatchLimit { get; init; } = 10;

    public IReadOnlyList<long> SequenceNumbers => [.. _messages.Select(m => m.SequenceNumber)];

    public IReadOnlyCollection<long> Locked => _locked;

    public void Add(AssignmentMessage offer, long sequenceNumber, string reason = "StorageUnavailable", string description = "Storage was unavailable on 6 tries") =>
        Add(AssignmentDelivery.Body(offer), AssignmentDelivery.MessageId(offer), sequenceNumber, reason, description);

    public void Add(string body, string messageId, long sequenceNumber, string reason, string description) =>
        _messages.Add(ServiceBusModelFactory.ServiceBusReceivedMessage(
            body: BinaryData.FromString(body),
            messageId: messageId,
            properties: new Dictionary<string, object> { ["DeadLetterReason"] = reason, ["DeadLetterErrorDescription"] = description },
            deliveryCount: 5,
            sequenceNumber: sequenceNumber,
            enqueuedTime: T0));

    /// <summary>A client whose receivers for <paramref name="queueName"/>'s dead-letter sub-queue read this queue.</summary>
    public ServiceBusClient Client(string queueName) => new FakeClient(this, queueName);

    private sealed class FakeClient(FakeDeadLetterQueue queue, string name) : ServiceBusClient
    {
        public override ServiceBusReceiver CreateReceiver(string queueName, ServiceBusReceiverOptions options)
        {
            Assert.Equal(name, queueName);
            Assert.Equal(SubQueue.DeadLetter, options.SubQueue);
            Assert.Equal(ServiceBusReceiveMode.PeekLock, options.ReceiveMode);
            return new FakeReceiver(queue);
        }
    }

    private sealed class FakeReceiver(FakeDeadLetterQueue queue) : ServiceBusReceiver
    {
        public override Task<IReadOnlyList<ServiceBusReceivedMessage>> PeekMessagesAsync(
            int maxMessages, long? fromSequenceNumber = null, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<ServiceBusReceivedMessage>>(
                [.. queue._messages.Where(m => m.SequenceNumber >= (fromSequenceNumber ?? 0)).Take(maxMessages)]);

        public override Task<ServiceBusReceivedMessage> PeekMessageAsync(long? fromSequenceNumber = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(queue._messages.FirstOrDefault(m => m.SequenceNumber >= (fromSequenceNumber ?? 0))!);

        public override Task<IReadOnlyList<ServiceBusReceivedMessage>> ReceiveMessagesAsync(
            int maxMessages, TimeSpan? maxWaitTime = null, CancellationToken cancellationToken = default)
        {
            var batch = queue._messages.Where(m => !queue._locked.Contains(m.SequenceNumber)).Take(Math.Min(maxMessages, queue.BatchLimit)).ToList();
            queue._locked.UnionWith(batch.Select(m => m.SequenceNumber));
            return Task.FromResult<IReadOnlyList<ServiceBusReceivedMessage>>(batch);
        }

        public override Task CompleteMessageAsync(ServiceBusReceivedMessage message, CancellationToken cancellationToken = default)
        {
            Assert.True(queue._locked.Remove(message.SequenceNumber), "Completed a message without its lock.");
            queue._messages.RemoveAll(m => m.SequenceNumber == message.SequenceNumber);
            return Task.CompletedTask;
        }

        public override Task AbandonMessageAsync(
            ServiceBusReceivedMessage message, IDictionary<string, object>? propertiesToModify = null, CancellationToken cancellationToken = default)
        {
            Assert.True(queue._locked.Remove(message.SequenceNumber), "Abandoned a message without its lock.");
            return Task.CompletedTask;
        }

        public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
