using Dispatch.Core.Matching;
using Dispatch.Core.Orders;
using Dispatch.Functions.Assignments;
using Dispatch.Storage;
using Microsoft.Extensions.Time.Testing;
using static Dispatch.Functions.Tests.ServiceBus.Messages;

namespace Dispatch.Functions.Tests.ServiceBus;

/// <summary>What the orchestration's offers look like on the Service Bus queue.</summary>
public sealed class ServiceBusAssignmentSenderTests
{
    private static SendOffer SendOffer(int attempt, DateTimeOffset deadline) => new("o-1", "m1", attempt, deadline, MatchReason.Hand("org1"));

    [Fact]
    public async Task An_offer_is_sent_once_per_attempt_and_lives_until_its_deadline()
    {
        var queue = new RecordingServiceBusSender();
        var sender = new ServiceBusAssignmentSender(queue, new FakeTimeProvider(T0));

        await sender.SendAsync(SendOffer(2, T0.AddMinutes(30)), default);
        await sender.SendAsync(SendOffer(2, T0.AddMinutes(30)), default); // the activity retried after sending
        await sender.SendAsync(SendOffer(3, T0.AddHours(2)), default); // the next member

        // The same id for a resend: the queue's duplicate detection keeps one of the two.
        Assert.Equal(["o-1-2", "o-1-2", "o-1-3"], queue.Sent.Select(m => m.MessageId));
        var first = queue.Sent[0];
        Assert.Equal(TimeSpan.FromMinutes(30), first.TimeToLive);
        Assert.Equal(TimeSpan.FromHours(2), queue.Sent[2].TimeToLive);
        Assert.Equal("application/json", first.ContentType);
        Assert.Equal(new AssignmentMessage("o-1", "m1", 2, T0.AddMinutes(30)), AssignmentDelivery.TryRead(first.Body.ToString(), out _));
        Assert.DoesNotContain(OfferMessages.RetriesProperty, first.ApplicationProperties.Keys);
    }

    [Fact]
    public async Task An_offer_sent_after_its_deadline_still_lives_a_minute_so_the_consumer_settles_it()
    {
        var queue = new RecordingServiceBusSender();
        var sender = new ServiceBusAssignmentSender(queue, new FakeTimeProvider(T0));

        await sender.SendAsync(SendOffer(1, T0.AddSeconds(-5)), default);
        await sender.SendAsync(SendOffer(2, T0.AddSeconds(20)), default);

        Assert.All(queue.Sent, m => Assert.Equal(TimeSpan.FromMinutes(1), m.TimeToLive));
    }
}
