using System.Net;
using Dispatch.Core.Api;
using Dispatch.Local.Tests.Registry;
using Dispatch.Testing;

namespace Dispatch.Local.Tests;

/// <summary>An offer link (the one an SMS about an offer would carry) opens that order only and lives as long as the
/// offer plus a short grace: forwarded or left in a message history, it gives no one the member's inbox for a month.</summary>
[Collection(AzuriteCollection.Name)]
public class OfferLinkTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task An_offer_link_opens_its_order_and_its_answers_but_not_the_inbox_records_or_other_orders()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        var placed = await host.PlaceAsync();
        var other = await host.PlaceAsync();
        await host.RunLoopsAsync();
        var offered = await host.OpenOrderAsync(placed.OrderId);
        var link = host.Links.OfferToken(placed.OrderId, offered.OfferedTo!, offered.OfferDeadline!.Value);

        var view = await host.CallAsync<MemberOrderView>(HttpMethod.Get, LocalHostFixture.RouteOf(Routes.Order, placed.OrderId), link);
        Assert.Equal("offered", view.YourRole);

        foreach (var route in new[] { Routes.Inbox, Routes.Board, Routes.MyRecords, PostRoutes.MyTally, PostRoutes.Posts })
        {
            using var refused = await host.SendAsync(HttpMethod.Get, route, link);
            await RegistryTestData.ProblemAsync(refused, HttpStatusCode.Forbidden, "token-wrongscope");
        }

        // Another order: acting is 403; reading it is 404, like an unknown id, so ids cannot be probed.
        using var acceptOther = await host.SendAsync(HttpMethod.Post, LocalHostFixture.RouteOf(Routes.Accept, other.OrderId), link);
        await RegistryTestData.ProblemAsync(acceptOther, HttpStatusCode.Forbidden, "token-wrongscope");
        using var readOther = await host.SendAsync(HttpMethod.Get, LocalHostFixture.RouteOf(Routes.Order, other.OrderId), link);
        await RegistryTestData.ProblemAsync(readOther, HttpStatusCode.NotFound, "not-found");

        var accepted = await host.CallAsync<MemberOrderView>(HttpMethod.Post, LocalHostFixture.RouteOf(Routes.Accept, placed.OrderId), link);
        Assert.Equal("assigned", accepted.YourRole);
    }

    [Fact]
    public async Task An_offer_link_expires_with_its_offer_after_a_short_grace_with_a_message_in_Chinese_and_English()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        var placed = await host.PlaceAsync();
        await host.RunLoopsAsync();
        var offered = await host.OpenOrderAsync(placed.OrderId);
        var deadline = offered.OfferDeadline!.Value;
        var link = host.Links.OfferToken(placed.OrderId, offered.OfferedTo!, deadline);
        var order = LocalHostFixture.RouteOf(Routes.Order, placed.OrderId);

        // At the deadline the link still opens the order, so the page can say the time to reply is up.
        host.Clock.SetUtcNow(deadline);
        using (var atDeadline = await host.SendAsync(HttpMethod.Get, order, link))
        {
            Assert.Equal(HttpStatusCode.OK, atDeadline.StatusCode);
        }

        host.Clock.SetUtcNow(deadline + TimeSpan.FromMinutes(15));
        using var expired = await host.SendAsync(HttpMethod.Get, order, link);
        var problem = await RegistryTestData.ProblemAsync(expired, HttpStatusCode.Unauthorized, "token-expired");
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains("链接已过期", detail, StringComparison.Ordinal);
        Assert.Contains("The link has expired", detail, StringComparison.Ordinal);

        // The member's inbox link is not affected: only the offer's link is short-lived.
        using var inbox = await host.SendAsync(HttpMethod.Get, Routes.Inbox, host.MemberToken(offered.OfferedTo!));
        Assert.Equal(HttpStatusCode.OK, inbox.StatusCode);
    }
}
