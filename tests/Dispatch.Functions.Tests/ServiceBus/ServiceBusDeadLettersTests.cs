using Azure.Messaging.ServiceBus;
using Dispatch.Functions.Assignments;
using Dispatch.Functions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using static Dispatch.Functions.Tests.ServiceBus.Messages;

namespace Dispatch.Functions.Tests.ServiceBus;

/// <summary>The organizers' dead letters over the Service Bus dead-letter sub-queue: the list, and sending
/// one again (find it by sequence number, send a fresh copy, complete the dead letter).</summary>
public sealed class ServiceBusDeadLettersTests
{
    private readonly FakeDeadLetterQueue _deadLetters = new();
    private readonly RecordingServiceBusSender _queue = new();
    private readonly FakeTimeProvider _clock = new(T0.AddMinutes(30));

    private ServiceBusDeadLetters DeadLetters() =>
        new(_deadLetters.Client("assignments"), _queue, Options.Create(new AssignmentOptions { QueueName = "assignments" }), _clock);

    [Fact]
    public async Task The_list_names_each_dead_letter_by_its_sequence_number_with_its_order_and_reason()
    {
        _deadLetters.Add(Offer("o-1"), 11, "StorageUnavailable", "Storage was unavailable on 6 tries: RequestFailedException: Server busy");
        _deadLetters.Add("not json", "raw", 12, "Unreadable", "Unreadable: 'n' is an invalid start of a value.");

        var list = await DeadLetters().PeekAsync(32, default);

        Assert.Equal(2, list.Count);
        Assert.Equal(("11", "o-1", "m1", 5L, T0), (list[0].Id, list[0].OrderId, list[0].MemberId, list[0].DeliveryCount, list[0].At));
        Assert.Equal("StorageUnavailable: Storage was unavailable on 6 tries: RequestFailedException: Server busy", list[0].Reason);
        Assert.Equal(("12", null, null), (list[1].Id, list[1].OrderId, list[1].MemberId));
        Assert.StartsWith("Unreadable: Unreadable", list[1].Reason, StringComparison.Ordinal);

        Assert.Equal("o-1", (await DeadLetters().FindAsync("11", default))?.OrderId);
        Assert.Null(await DeadLetters().FindAsync("10", default)); // peeking from 10 finds 11: not the one asked for
        Assert.Null(await DeadLetters().FindAsync("13", default));
        Assert.Null(await DeadLetters().FindAsync("-1", default));
        Assert.Null(await DeadLetters().FindAsync("eleven", default));
    }

    [Fact]
    public async Task Sending_one_again_puts_a_fresh_copy_on_the_queue_and_takes_only_that_one_off_the_list()
    {
        for (var n = 1; n <= 40; n++)
        {
            _deadLetters.Add(Offer($"o-{n}"), n);
        }

        Assert.True(await DeadLetters().ResubmitAsync("37", default)); // the fourth batch of ten

        var copy = Assert.Single(_queue.Sent);
        Assert.Equal(Offer("o-37"), AssignmentDelivery.TryRead(copy.Body.ToString(), out _));
        Assert.Equal("o-37-1-resubmit37", copy.MessageId); // not the original's id, which duplicate detection may still hold
        Assert.Equal(Offer().Deadline - _clock.GetUtcNow(), copy.TimeToLive);
        Assert.DoesNotContain(OfferMessages.RetriesProperty, copy.ApplicationProperties.Keys); // a fresh start
        Assert.Equal(Enumerable.Range(1, 40).Where(n => n != 37).Select(n => (long)n), _deadLetters.SequenceNumbers);
        Assert.Empty(_deadLetters.Locked); // the ones passed over are receivable again at once

        // Again: it is gone, nothing is sent twice.
        Assert.False(await DeadLetters().ResubmitAsync("37", default));
        Assert.Single(_queue.Sent);
        Assert.Empty(_deadLetters.Locked);
    }

    [Fact]
    public async Task An_unknown_number_sends_nothing_and_lets_go_of_what_it_looked_at()
    {
        _deadLetters.Add(Offer("o-1"), 1);
        _deadLetters.Add(Offer("o-2"), 2);

        Assert.False(await DeadLetters().ResubmitAsync("99", default));
        Assert.False(await DeadLetters().ResubmitAsync("two", default));

        Assert.Empty(_queue.Sent);
        Assert.Equal([1L, 2L], _deadLetters.SequenceNumbers);
        Assert.Empty(_deadLetters.Locked);
    }

    [Fact]
    public async Task When_the_copy_cannot_be_sent_the_dead_letter_stays_listed()
    {
        _deadLetters.Add(Offer("o-1"), 1);
        _queue.FailWith = new ServiceBusException("broker unreachable", ServiceBusFailureReason.ServiceCommunicationProblem);

        var failure = await Assert.ThrowsAsync<Dispatch.App.Problems.QueueUnavailableException>(() => DeadLetters().ResubmitAsync("1", default));
        Assert.IsType<ServiceBusException>(failure.InnerException); // answered 503 queue-unavailable

        Assert.Empty(_queue.Sent);
        Assert.Equal([1L], _deadLetters.SequenceNumbers);
        Assert.Empty(_deadLetters.Locked);
        Assert.True(await DeadLetters().ResubmitAsync("1", default)); // and can be sent once the broker is back
    }
}
