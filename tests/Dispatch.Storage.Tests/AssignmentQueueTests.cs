using System.Text;
using System.Text.Json;
using Azure.Storage.Queues;
using Dispatch.Core.Orders;
using Dispatch.Testing;

namespace Dispatch.Storage.Tests;

public sealed class AssignmentQueueTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    private static readonly SendOffer Offer = new("o-123", "m-9", 2, Sample.T0.AddHours(2), Sample.Reason);

    /// <summary>A client that sees the raw (base64) message text, as another consumer would.</summary>
    private QueueClient Raw(string name) =>
        new(Azurite.ConnectionString, name, new QueueClientOptions(QueueClientOptions.ServiceVersion.V2025_11_05));

    [Fact]
    public async Task Offer_round_trips_and_is_gone_after_delete()
    {
        var queue = new AssignmentQueue(Account);
        await queue.SendAsync(Offer);

        var received = Assert.Single(await queue.ReceiveAsync(10, TimeSpan.FromSeconds(30)));

        Assert.Equal(new AssignmentMessage("o-123", "m-9", 2, Sample.T0.AddHours(2)), received.Message);
        Assert.Equal(1, received.DequeueCount);
        Assert.Empty(await queue.ReceiveAsync(10, TimeSpan.FromSeconds(30))); // hidden while being handled
        await queue.DeleteAsync(received);
        await queue.DeleteAsync(received); // twice: harmless
        Assert.False((await Raw(queue.QueueName).PeekMessagesAsync(32)).Value.Length > 0);
    }

    [Fact]
    public async Task Raw_message_is_base64_json_of_ids_only()
    {
        var queue = new AssignmentQueue(Account);
        await queue.SendAsync(Offer);

        var raw = Assert.Single((await Raw(queue.QueueName).PeekMessagesAsync(32)).Value);
        var json = Encoding.UTF8.GetString(Convert.FromBase64String(raw.Body.ToString()));
        using var doc = JsonDocument.Parse(json);

        Assert.Equal(
            ["attempt", "deadline", "memberId", "orderId"],
            doc.RootElement.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal("o-123", doc.RootElement.GetProperty("orderId").GetString());
        Assert.DoesNotContain(Sample.Resident.Phone, json, StringComparison.Ordinal);
        Assert.DoesNotContain("closeness", json, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_message_received_more_than_five_times_goes_to_the_poison_queue()
    {
        var queue = new AssignmentQueue(Account);
        var raw = Raw(queue.QueueName);
        await queue.SendAsync(Offer);

        for (var i = 1; i <= 5; i++)
        {
            var got = Assert.Single(await queue.ReceiveAsync(1, TimeSpan.FromSeconds(30)));
            Assert.Equal(i, got.DequeueCount);
            // Handling "failed": make it visible again at once instead of waiting out the visibility.
            await raw.UpdateMessageAsync(got.MessageId, got.PopReceipt, visibilityTimeout: TimeSpan.Zero);
        }

        Assert.Empty(await queue.ReceiveAsync(1, TimeSpan.FromSeconds(30)));

        Assert.Empty((await raw.PeekMessagesAsync(32)).Value);
        var poison = Assert.Single(await queue.PeekPoisonAsync());
        Assert.Equal(6, poison.DequeueCount);
        Assert.Contains("6 times", poison.Reason, StringComparison.Ordinal);
        Assert.Contains("o-123", poison.Body, StringComparison.Ordinal);
        Assert.Equal(Account.Options.TablePrefix + "assignments-poison", queue.PoisonQueueName);
    }

    [Fact]
    public async Task An_unreadable_message_goes_to_the_poison_queue_at_once()
    {
        var queue = new AssignmentQueue(Account);
        await Raw(queue.QueueName).SendMessageAsync(Convert.ToBase64String("not json"u8.ToArray()));
        await queue.SendAsync(Offer);

        var received = await queue.ReceiveAsync(10, TimeSpan.FromSeconds(30));

        Assert.Equal("o-123", Assert.Single(received).Message.OrderId);
        var poison = Assert.Single(await queue.PeekPoisonAsync());
        Assert.StartsWith("Unreadable", poison.Reason, StringComparison.Ordinal);
        Assert.Equal("not json", poison.Body);
    }

    [Fact]
    public async Task A_resubmitted_poison_message_goes_back_on_the_queue_once_and_the_others_stay_listed()
    {
        var queue = new AssignmentQueue(Account);
        var raw = Raw(queue.QueueName);
        await raw.SendMessageAsync(Convert.ToBase64String("not json"u8.ToArray())); // set aside at the first receive
        await queue.SendAsync(Offer);
        for (var i = 1; i <= 5; i++)
        {
            var got = Assert.Single(await queue.ReceiveAsync(10, TimeSpan.FromSeconds(30)));
            await raw.UpdateMessageAsync(got.MessageId, got.PopReceipt, visibilityTimeout: TimeSpan.Zero); // "failed"
        }

        Assert.Empty(await queue.ReceiveAsync(10, TimeSpan.FromSeconds(30))); // the sixth receive sets the offer aside
        var listed = await queue.PeekPoisonAsync();
        Assert.Equal(2, listed.Count);
        Assert.Equal(2, listed.Select(p => p.Id).Where(id => id.Length > 0).Distinct().Count());
        var offer = Assert.Single(listed, p => p.Body.Contains("o-123", StringComparison.Ordinal));

        Assert.True(await queue.ResubmitPoisonAsync(offer.Id));
        Assert.False(await queue.ResubmitPoisonAsync(offer.Id)); // a second resubmission finds nothing to move
        Assert.False(await queue.ResubmitPoisonAsync("no-such-id"));

        var back = Assert.Single(await queue.ReceiveAsync(10, TimeSpan.FromSeconds(30)));
        Assert.Equal(AssignmentMessage.From(Offer), back.Message);
        Assert.Equal(1, back.DequeueCount); // a fresh message: its deliveries count from one again
        var left = Assert.Single(await queue.PeekPoisonAsync()); // passed over, and visible again at once
        Assert.Equal("not json", left.Body);
    }
}
