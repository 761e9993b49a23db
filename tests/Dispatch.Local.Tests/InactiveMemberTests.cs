using System.Net;
using Dispatch.Core.Api;
using Dispatch.Core.Orders;
using Dispatch.Storage;
using Dispatch.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Local.Tests;

/// <summary>A deactivated member takes on no new work, and a forged offer reaches nobody's inbox.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class InactiveMemberTests(AzuriteFixture azurite)
{
    // m017 is the demo community's deactivated member.
    private const string Inactive = "m017";

    private static async Task AssertInactiveAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("member-inactive", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deactivated_member_cannot_claim_a_wish_and_it_stays_on_the_board()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        var wish = await host.PlaceAsync(LocalHostFixture.Form(kind: "Wish", category: "Visit", urgent: false));

        using var claim = await host.SendAsync(HttpMethod.Post, LocalHostFixture.RouteOf(Routes.Claim, wish.OrderId), host.MemberToken(Inactive));
        await AssertInactiveAsync(claim);

        Assert.Equal(OrderStatus.Open, (await host.OpenOrderAsync(wish.OrderId)).Status);
        Assert.Contains(await host.CallAsync<BoardItem[]>(HttpMethod.Get, Routes.Board, host.MemberToken("m005")), b => b.OrderId == wish.OrderId);
        var claimed = await host.CallAsync<MemberOrderView>(HttpMethod.Post, LocalHostFixture.RouteOf(Routes.Claim, wish.OrderId), host.MemberToken("m005"));
        Assert.Equal("assigned", claimed.YourRole);
    }

    [Fact]
    public async Task A_member_deactivated_after_the_offer_cannot_accept_it_but_can_still_decline()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        var placed = await host.PlaceAsync();
        var offered = (await host.OpenOrderAsync(placed.OrderId)).OfferedTo!;
        var members = host.Services.GetRequiredService<MemberStore>();
        var member = (await members.GetAsync(LocalHostFixture.CommunityId, offered))!;
        await members.UpsertAsync(member with { Active = false });

        using var accept = await host.SendAsync(HttpMethod.Post, LocalHostFixture.RouteOf(Routes.Accept, placed.OrderId), host.MemberToken(offered));
        await AssertInactiveAsync(accept);
        var open = await host.OpenOrderAsync(placed.OrderId);
        Assert.Equal((OrderStatus.Offered, offered), (open.Status, open.OfferedTo));

        using var decline = await host.SendAsync(HttpMethod.Post, LocalHostFixture.RouteOf(Routes.Decline, placed.OrderId), host.MemberToken(offered));
        Assert.Equal(HttpStatusCode.OK, decline.StatusCode);
        Assert.NotEqual(offered, (await host.OpenOrderAsync(placed.OrderId)).OfferedTo);
    }

    [Fact]
    public async Task An_organizer_cannot_dispatch_to_a_deactivated_member()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        var placed = await host.PlaceAsync();
        var before = await host.OpenOrderAsync(placed.OrderId);

        using var dispatch = await host.SendAsync(HttpMethod.Post, LocalHostFixture.RouteOf(Routes.Dispatch, placed.OrderId), host.OrganizerToken(), new DispatchRequest(Inactive));
        await AssertInactiveAsync(dispatch);
        Assert.Equal(before.OfferedTo, (await host.OpenOrderAsync(placed.OrderId)).OfferedTo);
        Assert.Empty((await host.CallAsync<InboxView>(HttpMethod.Get, Routes.Inbox, host.MemberToken(Inactive))).Offers);
    }

    [Fact]
    public async Task A_forged_offer_for_a_member_never_offered_the_order_adds_no_inbox_row_and_no_notice()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        var placed = await host.PlaceAsync();
        var state = (await host.Services.GetRequiredService<OrderStore>().GetAsync(placed.OrderId))!.State;
        var stranger = state.Offer!.MemberId == "m005" ? "m010" : "m005";

        await host.Services.GetRequiredService<AssignmentQueue>().SendAsync(
            new SendOffer(placed.OrderId, stranger, state.Offer.Attempt, state.Offer.Deadline, state.Offer.Reason));
        await host.RunLoopsAsync();

        var inbox = await host.CallAsync<InboxView>(HttpMethod.Get, Routes.Inbox, host.MemberToken(stranger));
        Assert.DoesNotContain(inbox.Offers.Concat(inbox.Assignments).Concat(inbox.Past), o => o.OrderId == placed.OrderId);
        Assert.DoesNotContain(inbox.Notices, n => n.OrderId == placed.OrderId);
        Assert.DoesNotContain(await host.Services.GetRequiredService<MemberInbox>().ListAsync(stranger), i => i.OrderId == placed.OrderId);
    }
}
