using System.Net;
using Dispatch.Core.Api;
using Dispatch.Core.Orders;
using Dispatch.Testing;

namespace Dispatch.Local.Tests;

/// <summary>A member reads an order only while it concerns them; any other id answers exactly like an unknown one.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class MemberVisibilityTests(AzuriteFixture azurite)
{
    private static async Task AssertNotFoundAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("not-found", body, StringComparison.Ordinal);
        Assert.DoesNotContain("修水管", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_offered_member_reads_a_service_order_and_not_after_declining_it()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        var placed = await host.PlaceAsync(LocalHostFixture.Form() with { Description = "修水管" });
        var route = LocalHostFixture.RouteOf(Routes.Order, placed.OrderId);
        var offered = (await host.OpenOrderAsync(placed.OrderId)).OfferedTo!;
        var bystander = offered == "m005" ? "m010" : "m005";

        Assert.Equal("修水管", (await host.CallAsync<MemberOrderView>(HttpMethod.Get, route, host.MemberToken(offered))).Description);
        using (var probe = await host.SendAsync(HttpMethod.Get, route, host.MemberToken(bystander)))
        {
            await AssertNotFoundAsync(probe);
        }

        using (var elsewhere = await host.SendAsync(HttpMethod.Get, route, host.MemberToken(offered, "elsewhere")))
        {
            await AssertNotFoundAsync(elsewhere);
        }

        using (var unknown = await host.SendAsync(HttpMethod.Get, LocalHostFixture.RouteOf(Routes.Order, "o-none"), host.MemberToken(bystander)))
        {
            await AssertNotFoundAsync(unknown);
        }

        // Declining answers with the order; afterwards the member no longer reads it, the next one does.
        var declined = await host.CallAsync<MemberOrderView>(HttpMethod.Post, LocalHostFixture.RouteOf(Routes.Decline, placed.OrderId), host.MemberToken(offered));
        Assert.Equal(placed.OrderId, declined.OrderId);
        using (var after = await host.SendAsync(HttpMethod.Get, route, host.MemberToken(offered)))
        {
            await AssertNotFoundAsync(after);
        }

        var next = (await host.OpenOrderAsync(placed.OrderId)).OfferedTo!;
        Assert.Equal("offered", (await host.CallAsync<MemberOrderView>(HttpMethod.Get, route, host.MemberToken(next))).YourRole);
    }

    [Fact]
    public async Task An_open_wish_is_readable_by_its_community_until_claimed_then_only_by_the_claimant()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        var wish = await host.PlaceAsync(LocalHostFixture.Form(kind: "Wish", category: "Visit", urgent: false) with { Description = "修水管" });
        var route = LocalHostFixture.RouteOf(Routes.Order, wish.OrderId);
        Assert.Equal(OrderStatus.Open, (await host.CallAsync<MemberOrderView>(HttpMethod.Get, route, host.MemberToken("m010"))).Status);

        await host.CallAsync<MemberOrderView>(HttpMethod.Post, LocalHostFixture.RouteOf(Routes.Claim, wish.OrderId), host.MemberToken("m005"));
        Assert.Equal("assigned", (await host.CallAsync<MemberOrderView>(HttpMethod.Get, route, host.MemberToken("m005"))).YourRole);
        using var other = await host.SendAsync(HttpMethod.Get, route, host.MemberToken("m010"));
        await AssertNotFoundAsync(other);
    }
}
