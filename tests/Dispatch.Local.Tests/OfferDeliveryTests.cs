using Dispatch.Core.Api;
using Dispatch.Core.Orders;
using Dispatch.Testing;

namespace Dispatch.Local.Tests;

/// <summary>What an offer message does when it reaches the member after the order has moved on.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class OfferDeliveryTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task An_offer_the_member_declined_before_it_arrived_announces_nothing()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        var placed = await host.PlaceAsync();
        var first = (await host.OpenOrderAsync(placed.OrderId)).OfferedTo!;

        // The member declines (through the organizer's call, say) while the offer still sits in the queue.
        await host.CallAsync<MemberOrderView>(HttpMethod.Post, LocalHostFixture.RouteOf(Routes.Decline, placed.OrderId), host.MemberToken(first));
        var second = (await host.OpenOrderAsync(placed.OrderId)).OfferedTo!;
        await host.RunLoopsAsync();

        var declined = await host.CallAsync<InboxView>(HttpMethod.Get, Routes.Inbox, host.MemberToken(first));
        Assert.Empty(declined.Offers);
        Assert.Contains(declined.Past, p => p.OrderId == placed.OrderId);
        Assert.DoesNotContain(declined.Notices, n => n.OrderId == placed.OrderId && n.Notice == NoticeKind.OrderReceived);

        var next = await host.CallAsync<InboxView>(HttpMethod.Get, Routes.Inbox, host.MemberToken(second));
        Assert.Equal(placed.OrderId, Assert.Single(next.Offers).OrderId);
        Assert.Contains(next.Notices, n => n.OrderId == placed.OrderId && n.Notice == NoticeKind.OrderReceived);
    }
}
