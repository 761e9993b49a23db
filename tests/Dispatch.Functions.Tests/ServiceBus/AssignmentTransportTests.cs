using Dispatch.App.Notices;
using Dispatch.App.Queries;
using Dispatch.Core.Matching;
using Dispatch.Core.Orders;
using Dispatch.Functions.Assignments;
using Dispatch.Storage;
using Dispatch.Testing;
using Microsoft.Azure.Functions.Worker;
using static Dispatch.Functions.Tests.AzureHost;

namespace Dispatch.Functions.Tests.ServiceBus;

/// <summary>One build, two ways for offers: Service Bus when its connection is configured, the Storage
/// queue otherwise, chosen when the app starts.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AssignmentTransportTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task With_Service_Bus_settings_offers_and_dead_letters_use_Service_Bus_and_the_queue_timer_does_nothing()
    {
        await using var host = await StartAsync(azurite, SlowPolicy, recordSends: false);

        Assert.IsType<ServiceBusAssignmentSender>(host.Get<IAssignmentSender>());
        Assert.IsType<ServiceBusDeadLetters>(host.Get<IDeadLetters>());

        // An offer left in the Storage queue (say, from a run without Service Bus) stays where it is.
        var queue = host.Get<AssignmentQueue>();
        await queue.SendAsync(new SendOffer("o-left", "m1", 1, DateTimeOffset.UtcNow.AddHours(1), MatchReason.Hand("org1")));
        var drain = new StorageQueueAssignmentDrain(host.Get<AssignmentDrain>(), host.Get<AssignmentTransport>());
        await drain.Run(new TimerInfo(), default);
        Assert.Equal("o-left", Assert.Single(await queue.ReceiveAsync(AssignmentQueue.MaxBatch, TimeSpan.FromSeconds(30))).Message.OrderId);
    }

    [Fact]
    public async Task Without_Service_Bus_settings_an_offer_reaches_the_member_through_the_Storage_queue_timer()
    {
        await using var host = await StartAsync(azurite, SlowPolicy, recordSends: false, settings: new Dictionary<string, string?> { ["ServiceBus"] = null });
        Assert.IsType<StorageQueueAssignmentSender>(host.Get<IAssignmentSender>());
        Assert.IsType<PoisonQueueDeadLetters>(host.Get<IDeadLetters>());

        var (orderId, _) = await host.PlaceAsync();
        await host.WaitForAsync(orderId, s => s.Offer?.MemberId == "m1");
        Assert.Empty(await OffersOf(host, "m1"));

        var drain = new StorageQueueAssignmentDrain(host.Get<AssignmentDrain>(), host.Get<AssignmentTransport>());
        var delivered = 0;
        for (var i = 0; i < 50 && delivered == 0; i++)
        {
            delivered = await drain.DrainAsync(default); // the SendOffer activity may still be on its way
            await Task.Delay(delivered == 0 ? 100 : 0);
        }

        Assert.Equal(orderId, Assert.Single(await OffersOf(host, "m1")));
        Assert.Empty(host.Sender.Sends);
    }

    private static async Task<List<string>> OffersOf(AzureHost host, string memberId)
    {
        var (status, inbox, _) = Read(await host.Members.InboxAsync(Request("GET", "/api/members/me/inbox", token: host.MemberToken(memberId)), default));
        Assert.Equal(200, status);
        return [.. inbox.GetProperty("offers").EnumerateArray().Select(o => o.GetProperty("orderId").GetString()!)];
    }
}
