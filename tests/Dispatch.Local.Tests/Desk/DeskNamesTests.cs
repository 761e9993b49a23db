using Dispatch.Core.Api;
using Dispatch.Testing;

namespace Dispatch.Local.Tests.Desk;

/// <summary>People are named, never shown by id: the organizer who dispatched by hand is 王书记 to the member and on the
/// timeline, and the order's reference is on the member's offer.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class DeskNamesTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_hand_dispatch_names_the_organizer_to_the_member_and_on_the_timeline()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        var placed = await host.PlaceAsync();
        var offered = (await host.OpenOrderAsync(placed.OrderId)).OfferedTo;
        var members = await host.CallAsync<OrganizerMemberView[]>(HttpMethod.Get, Routes.OrganizerMembers, host.OrganizerToken());
        var pick = members.First(m => m.Active && m.MemberId != offered).MemberId;

        await host.CallAsync<ResidentOrderView>(HttpMethod.Post, LocalHostFixture.RouteOf(Routes.Dispatch, placed.OrderId), host.OrganizerToken(), new DispatchRequest(pick));

        await host.RunLoopsAsync(); // the offer reaches the inbox through the assignment queue
        var inbox = await host.CallAsync<InboxView>(HttpMethod.Get, Routes.Inbox, host.MemberToken(pick));
        var offer = Assert.Single(inbox.Offers, o => o.OrderId == placed.OrderId);
        Assert.Equal("王书记", offer.DispatchedBy);
        Assert.Equal(placed.Reference, offer.Reference);
        Assert.StartsWith("HB-20261123-", placed.Reference, StringComparison.Ordinal); // 湖滨社区, the test clock's China date

        var resident = await host.CallAsync<ResidentOrderView>(HttpMethod.Get, LocalHostFixture.RouteOf(Routes.Order, placed.OrderId), placed.Token);
        Assert.Contains(resident.Timeline, e => e.What == "offered" && e.By == "王书记");
        Assert.DoesNotContain(resident.Timeline, e => e.By == "org-wang");
    }
}
