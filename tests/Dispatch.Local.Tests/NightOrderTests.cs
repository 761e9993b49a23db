using Dispatch.Core.Api;
using Dispatch.Core.Orders;
using Dispatch.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Dispatch.Local.Tests;

/// <summary>Quiet hours on the real local host: an evening order waits for the morning instead of running
/// through sleeping members, and the resident is told when it will be offered.</summary>
[Collection(AzuriteCollection.Name)]
public class NightOrderTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Monday2137 = new(2026, 11, 23, 21, 37, 0, TimeSpan.FromHours(8));

    private static readonly DateTimeOffset Tuesday8 = new(2026, 11, 24, 8, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task An_order_placed_at_21_37_is_offered_at_8_00_with_until_10_00()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite, clock: new FakeTimeProvider(Monday2137));
        var placed = await host.PlaceAsync(LocalHostFixture.Form(urgent: false));
        var path = LocalHostFixture.RouteOf(Routes.Order, placed.OrderId);

        var tracking = await host.CallAsync<ResidentOrderView>(HttpMethod.Get, path, placed.Token);
        Assert.Equal((OrderStatus.Placed, Tuesday8), (tracking.Status, tracking.OfferFrom));

        await host.AdvanceAsync(Tuesday8 - Monday2137 - TimeSpan.FromMinutes(1)); // 07:59
        Assert.Null((await host.OpenOrderAsync(placed.OrderId)).OfferedTo);

        await host.AdvanceAsync(TimeSpan.FromMinutes(1));
        var member = (await host.OpenOrderAsync(placed.OrderId)).OfferedTo;
        Assert.NotNull(member);
        await host.RunLoopsAsync();
        var offer = Assert.Single((await host.CallAsync<InboxView>(HttpMethod.Get, Routes.Inbox, host.MemberToken(member))).Offers);
        Assert.Equal(Tuesday8.AddHours(2), offer.OfferDeadline);

        tracking = await host.CallAsync<ResidentOrderView>(HttpMethod.Get, path, placed.Token);
        Assert.Equal((OrderStatus.Offered, null), (tracking.Status, tracking.OfferFrom));
        Assert.Equal(["placed", "morningDispatch", "offered"], tracking.Timeline.Select(t => t.What));
    }

    [Fact]
    public async Task An_urgent_order_at_21_37_is_offered_at_once()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite, clock: new FakeTimeProvider(Monday2137));
        var placed = await host.PlaceAsync(LocalHostFixture.Form(urgent: true));

        Assert.Equal(OrderStatus.Offered, placed.Status);
        var tracking = await host.CallAsync<ResidentOrderView>(HttpMethod.Get, LocalHostFixture.RouteOf(Routes.Order, placed.OrderId), placed.Token);
        Assert.Null(tracking.OfferFrom);
    }
}
