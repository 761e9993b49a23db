using Azure;
using Azure.Messaging.ServiceBus;
using Dispatch.Functions.Assignments;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using static Dispatch.Functions.Tests.ServiceBus.Messages;

namespace Dispatch.Functions.Tests.ServiceBus;

/// <summary>How the Service Bus consumer settles each offer message: delivered and completed, dead-lettered
/// with a reason, retried later while storage is down, or handed back for a normal redelivery.</summary>
public sealed class AssignmentConsumerTests
{
    private readonly FakeTimeProvider _clock = new(T0);
    private readonly ScriptedNotifier _notifier = new();

    private AssignmentConsumer Consumer() => new(new AssignmentDelivery(_notifier), _clock, NullLogger<AssignmentConsumer>.Instance);

    private static RequestFailedException StorageDown() => new(503, "Server busy");

    [Fact]
    public async Task A_readable_offer_reaches_the_member_and_leaves_the_queue()
    {
        var settlement = new RecordingSettlement();

        var outcome = await Consumer().HandleAsync(Received(Offer()), settlement, default);

        Assert.Equal(AssignmentOutcome.Delivered, outcome);
        Assert.Equal(Offer(), Assert.Single(_notifier.Delivered));
        Assert.Equal(["complete"], settlement.Calls);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"orderId\":\"o-1\",\"attempt\":1}")]
    public async Task An_unreadable_body_is_dead_lettered_at_once_with_the_reason(string body)
    {
        var settlement = new RecordingSettlement();

        var outcome = await Consumer().HandleAsync(Raw(body), settlement, default);

        Assert.Equal(AssignmentOutcome.DeadLettered, outcome);
        Assert.Equal(["dead-letter Unreadable"], settlement.Calls);
        Assert.StartsWith("Unreadable", settlement.DeadLetterDescription, StringComparison.Ordinal);
        Assert.Empty(_notifier.Delivered);
    }

    [Fact]
    public async Task A_storage_outage_of_three_minutes_delays_the_offer_and_loses_nothing()
    {
        _notifier.FailNext(StorageDown(), new RequestFailedException(429, "Throttled"), new TimeoutException());
        var queue = new RecordingServiceBusSender();
        var message = Received(Offer());
        var waits = new List<TimeSpan>();

        AssignmentOutcome outcome;
        while (true)
        {
            var settlement = new RecordingSettlement(queue);
            outcome = await Consumer().HandleAsync(message, settlement, default);
            if (outcome != AssignmentOutcome.RetryScheduled)
            {
                break;
            }

            // The copy is scheduled before the original is completed: a failure in between loses nothing.
            var (copy, at) = queue.Scheduled[^1];
            Assert.Equal([$"schedule {copy.MessageId}", "complete"], settlement.Calls);
            waits.Add(at - _clock.GetUtcNow());
            Assert.Equal(Offer(), AssignmentDelivery.TryRead(copy.Body.ToString(), out _));
            Assert.Equal(Offer().Deadline - at, copy.TimeToLive);

            // The broker hands the copy over when it is due.
            _clock.SetUtcNow(at);
            message = Received(copy);
        }

        Assert.Equal(AssignmentOutcome.Delivered, outcome);
        Assert.Equal(Offer(), Assert.Single(_notifier.Delivered));
        Assert.Equal([TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2)], waits);
        // Each copy has its own id, so duplicate detection does not drop it as the message it replaces.
        Assert.Equal(["o-1-1-retry1", "o-1-1-retry2", "o-1-1-retry3"], queue.Scheduled.Select(s => s.Message.MessageId));
        Assert.Equal([1, 2, 3], queue.Scheduled.Select(s => (int)s.Message.ApplicationProperties[OfferMessages.RetriesProperty]));
    }

    [Fact]
    public async Task Storage_down_for_good_dead_letters_the_offer_after_the_last_retry_as_storage_unavailable()
    {
        var queue = new RecordingServiceBusSender();
        var message = Received(Offer());
        RecordingSettlement? last = null;
        for (var tries = 1; tries <= 10; tries++)
        {
            _notifier.FailNext(StorageDown());
            last = new RecordingSettlement(queue);
            if (await Consumer().HandleAsync(message, last, default) == AssignmentOutcome.DeadLettered)
            {
                break;
            }

            var (copy, at) = queue.Scheduled[^1];
            _clock.SetUtcNow(at);
            message = Received(copy);
        }

        Assert.Equal(["dead-letter StorageUnavailable"], last!.Calls);
        Assert.Contains("Storage was unavailable on 6 tries", last.DeadLetterDescription, StringComparison.Ordinal);
        Assert.Contains("Server busy", last.DeadLetterDescription, StringComparison.Ordinal);
        Assert.Equal(5, queue.Scheduled.Count);
        Assert.Equal(T0 + TimeSpan.FromSeconds(10 + 30 + 120 + 300 + 900), _clock.GetUtcNow()); // about 22 minutes of outage covered
        Assert.Empty(_notifier.Delivered);
    }

    [Fact]
    public async Task When_the_retry_copy_cannot_be_scheduled_the_original_is_not_completed()
    {
        _notifier.FailNext(StorageDown());
        var queue = new RecordingServiceBusSender { FailWith = new ServiceBusException("broker unreachable", ServiceBusFailureReason.ServiceCommunicationProblem) };
        var settlement = new RecordingSettlement(queue);

        await Assert.ThrowsAsync<ServiceBusException>(() => Consumer().HandleAsync(Received(Offer()), settlement, default));

        // Unsettled, the message comes back when its lock runs out.
        Assert.Empty(settlement.Calls);
    }

    [Fact]
    public async Task Any_other_failure_hands_the_message_back_for_a_normal_redelivery()
    {
        _notifier.FailNext(new InvalidOperationException("a bug"));
        var settlement = new RecordingSettlement();

        var outcome = await Consumer().HandleAsync(Received(Offer(), deliveryCount: 3), settlement, default);

        Assert.Equal(AssignmentOutcome.Abandoned, outcome);
        Assert.Equal(["abandon"], settlement.Calls);
        Assert.Empty(settlement.Queue.Scheduled);
    }

    [Fact]
    public async Task A_host_shutting_down_settles_nothing()
    {
        using var shutdown = new CancellationTokenSource();
        await shutdown.CancelAsync();
        _notifier.FailNext(new OperationCanceledException(shutdown.Token));
        var settlement = new RecordingSettlement();

        await Assert.ThrowsAsync<OperationCanceledException>(() => Consumer().HandleAsync(Received(Offer()), settlement, shutdown.Token));

        Assert.Empty(settlement.Calls);
    }
}
