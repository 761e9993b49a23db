using Dispatch.Core.Orders;
using Dispatch.Storage;
using Dispatch.Testing;
using Microsoft.Extensions.DependencyInjection;
using static Dispatch.Functions.Tests.AzureHost;

namespace Dispatch.Functions.Tests;

/// <summary>The Azure host through the shared layer: members read only orders that concern them, and a
/// deactivated member takes on no new work.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class MemberAccessTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_member_the_order_does_not_concern_gets_404_like_an_unknown_id()
    {
        await using var host = await StartAsync(azurite, SlowPolicy);
        var (orderId, _) = await host.PlaceAsync();
        await host.WaitForAsync(orderId, s => s.Offer?.MemberId == "m1");

        var (status, view, _) = Read(await host.Orders.GetAsync(Request("GET", "/x", token: host.MemberToken("m1")), orderId, default));
        Assert.Equal(200, status);
        Assert.Equal("offered", view.GetProperty("yourRole").GetString());

        (status, var problem, _) = Read(await host.Orders.GetAsync(Request("GET", "/x", token: host.MemberToken("m2")), orderId, default));
        Assert.Equal(404, status);
        Assert.EndsWith("/not-found", problem.GetProperty("type").GetString());
        Assert.False(problem.TryGetProperty("description", out _));
        Assert.Equal(404, Read(await host.Orders.GetAsync(Request("GET", "/x", token: host.Links.MemberToken("m1", OtherCommunityId)), orderId, default)).Status);
    }

    [Fact]
    public async Task A_deactivated_member_cannot_accept_claim_or_be_dispatched_to()
    {
        await using var host = await StartAsync(azurite, SlowPolicy);
        var (orderId, _) = await host.PlaceAsync();
        var offered = await host.WaitForAsync(orderId, s => s.Offer?.MemberId == "m1");
        var (wishId, _) = await host.PlaceAsync(Form(kind: "Wish", category: "Visit"));
        await host.WaitForAsync(wishId, s => s.Status == OrderStatus.Open);

        var members = host.Services.GetRequiredService<MemberStore>();
        foreach (var id in new[] { "m1", "m3" })
        {
            await members.UpsertAsync((await members.GetAsync(CommunityId, id))! with { Active = false });
        }

        var (status, problem, _) = Read(await host.Orders.AcceptAsync(Request("POST", "/x", token: host.MemberToken("m1")), orderId, host.Client, default));
        Assert.Equal(403, status);
        Assert.EndsWith("/member-inactive", problem.GetProperty("type").GetString());
        (status, problem, _) = Read(await host.Orders.ClaimAsync(Request("POST", "/x", token: host.MemberToken("m3")), wishId, host.Client, default));
        Assert.Equal(403, status);
        Assert.EndsWith("/member-inactive", problem.GetProperty("type").GetString());
        (status, problem, _) = Read(await host.Orders.DispatchAsync(Request("POST", "/x", new { memberId = "m3" }, host.OrganizerToken()), orderId, host.Client, default));
        Assert.Equal(403, status);
        Assert.EndsWith("/member-inactive", problem.GetProperty("type").GetString());

        var orders = host.Services.GetRequiredService<OrderStore>();
        Assert.Equal(offered.State.Version, (await orders.GetAsync(orderId))!.State.Version);
        Assert.Equal(OrderStatus.Open, (await orders.GetAsync(wishId))!.State.Status);
    }
}
