using System.Net;
using Azure.Data.Tables;
using Dispatch.Core.Api;
using Dispatch.Core.Orders;
using Dispatch.Storage;
using Dispatch.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Local.Tests;

/// <summary>The whole cycle over real HTTP on loopback, through the real queue and timers on Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public class OrderCycleTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_resident_order_is_offered_accepted_served_confirmed_and_lands_in_the_members_record()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        var placed = await host.PlaceAsync();
        Assert.Equal(OrderStatus.Offered, placed.Status);
        Assert.StartsWith("/track.html?o=" + placed.OrderId, placed.TrackingUrl, StringComparison.Ordinal);

        var offeredTo = (await host.OpenOrderAsync(placed.OrderId)).OfferedTo!;
        var member = host.MemberToken(offeredTo);

        // The offer reaches the member's inbox through the assignment queue.
        Assert.Empty((await host.CallAsync<InboxView>(HttpMethod.Get, Routes.Inbox, member)).Offers);
        await host.RunLoopsAsync();
        var offer = Assert.Single((await host.CallAsync<InboxView>(HttpMethod.Get, Routes.Inbox, member)).Offers);
        Assert.Equal(placed.OrderId, offer.OrderId);
        Assert.NotNull(offer.Reason);
        Assert.Null(offer.Resident); // no phone or address before accepting

        var accepted = await host.CallAsync<MemberOrderView>(HttpMethod.Post, LocalHostFixture.RouteOf(Routes.Accept, placed.OrderId), member);
        Assert.Equal((OrderStatus.Accepted, "13812345678", "1号楼 302 室"), (accepted.Status, accepted.Resident?.Phone, accepted.Resident?.Address));

        var resident = placed.Token;
        var tracking = await host.CallAsync<ResidentOrderView>(HttpMethod.Get, LocalHostFixture.RouteOf(Routes.Order, placed.OrderId), resident);
        Assert.Equal(offeredTo, tracking.Member!.MemberId);
        Assert.False(tracking.CanConfirm);

        host.Clock.Advance(TimeSpan.FromHours(3));
        await host.CallAsync<MemberOrderView>(HttpMethod.Post, LocalHostFixture.RouteOf(Routes.Hours, placed.OrderId), member, new HoursRequest(2.5m));
        tracking = await host.CallAsync<ResidentOrderView>(HttpMethod.Get, LocalHostFixture.RouteOf(Routes.Order, placed.OrderId), resident);
        Assert.True(tracking.CanConfirm);

        var confirmed = await host.CallAsync<ResidentOrderView>(HttpMethod.Post, LocalHostFixture.RouteOf(Routes.Confirm, placed.OrderId), resident, new ConfirmRequest(5));
        Assert.Equal((OrderStatus.Confirmed, 5), (confirmed.Status, confirmed.Rating));
        Assert.Equal(["placed", "offered", "accepted", "done", "confirmed"], confirmed.Timeline.Select(t => t.What));

        var records = await host.CallAsync<MyRecordsView>(HttpMethod.Get, Routes.MyRecords, member);
        Assert.Equal((2026, 2.5m, 1), (records.Year, records.Hours, records.Services));
        Assert.Equal(placed.OrderId, Assert.Single(records.Records).OrderId);
        Assert.DoesNotContain(await host.OpenOrdersAsync(), o => o.OrderId == placed.OrderId);
    }

    /// <summary>Each action deletes the timers it made needless, rather than leaving each to fire later against an order
    /// that has moved on: a district's timers table holds what its orders still wait for.</summary>
    [Fact]
    public async Task Each_step_of_the_cycle_leaves_only_the_timers_the_order_still_waits_for()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        var placed = await host.PlaceAsync(LocalHostFixture.Form(urgent: false));
        Assert.Equal([TimerKind.OfferReminder, TimerKind.OfferDeadline], (await TimersOfAsync(host, placed.OrderId)).Order());
        var member = host.MemberToken((await host.OpenOrderAsync(placed.OrderId)).OfferedTo!);

        await host.CallAsync<MemberOrderView>(HttpMethod.Post, LocalHostFixture.RouteOf(Routes.Accept, placed.OrderId), member);
        Assert.Empty(await TimersOfAsync(host, placed.OrderId)); // no wanted time: nothing to remind of

        await host.CallAsync<MemberOrderView>(HttpMethod.Post, LocalHostFixture.RouteOf(Routes.Hours, placed.OrderId), member, new HoursRequest(1m));
        Assert.Equal([TimerKind.ConfirmReminder, TimerKind.ConfirmEscalation], (await TimersOfAsync(host, placed.OrderId)).Order());

        await host.CallAsync<ResidentOrderView>(HttpMethod.Post, LocalHostFixture.RouteOf(Routes.Confirm, placed.OrderId), placed.Token, new ConfirmRequest(5));
        Assert.Empty(await TimersOfAsync(host, placed.OrderId));

        // Nothing is left to fire a week on.
        await host.AdvanceAsync(TimeSpan.FromDays(8));
        Assert.Equal(OrderStatus.Confirmed, (await host.CallAsync<ResidentOrderView>(HttpMethod.Get, LocalHostFixture.RouteOf(Routes.Order, placed.OrderId), placed.Token)).Status);
    }

    private static async Task<List<TimerKind>> TimersOfAsync(LocalHostFixture host, string orderId)
    {
        var table = host.Services.GetRequiredService<StorageAccount>().Table(TableNames.Timers);
        return await table.QueryAsync<TableEntity>(e => e.GetString("OrderId") == orderId)
            .Select(e => Enum.Parse<TimerKind>(e.GetString("Kind")!)).ToListAsync();
    }

    [Fact]
    public async Task A_decline_sends_the_order_to_another_member_at_once()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        var placed = await host.PlaceAsync();
        var first = (await host.OpenOrderAsync(placed.OrderId)).OfferedTo!;

        await host.CallAsync<MemberOrderView>(HttpMethod.Post, LocalHostFixture.RouteOf(Routes.Decline, placed.OrderId), host.MemberToken(first), new ReasonRequest("出差"));

        var second = (await host.OpenOrderAsync(placed.OrderId)).OfferedTo;
        Assert.NotNull(second);
        Assert.NotEqual(first, second);
        await host.RunLoopsAsync();
        var inbox = await host.CallAsync<InboxView>(HttpMethod.Get, Routes.Inbox, host.MemberToken(first));
        Assert.Empty(inbox.Offers);
        Assert.Contains(inbox.Past, p => p.OrderId == placed.OrderId);
    }

    [Fact]
    public async Task An_unanswered_offer_is_reminded_then_expires_and_after_three_members_goes_to_the_organizers()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        var placed = await host.PlaceAsync(); // urgent: 30 minutes to answer, reminder 10 minutes before
        var asked = new List<string>();
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var member = (await host.OpenOrderAsync(placed.OrderId)).OfferedTo!;
            asked.Add(member);
            await host.AdvanceAsync(TimeSpan.FromMinutes(21));
            var inbox = await host.CallAsync<InboxView>(HttpMethod.Get, Routes.Inbox, host.MemberToken(member));
            Assert.Contains(inbox.Notices, n => n.OrderId == placed.OrderId && n.Notice == NoticeKind.OfferReminder);
            Assert.Single(inbox.Notices, n => n.Notice == NoticeKind.OfferReminder);
            await host.AdvanceAsync(TimeSpan.FromMinutes(10));
        }

        Assert.Equal(3, asked.Distinct().Count());
        var escalated = Assert.Single(await host.OpenOrdersAsync("Escalated"));
        Assert.Equal((placed.OrderId, "TooManyAttempts"), (escalated.OrderId, escalated.Escalation));

        // Accepting a lapsed offer is refused with a reason; nothing changes.
        using var late = await host.SendAsync(HttpMethod.Post, LocalHostFixture.RouteOf(Routes.Accept, placed.OrderId), host.MemberToken(asked[0]));
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);

        // The organizer dispatches by hand; the member accepts.
        var pick = asked[1];
        await host.CallAsync<ResidentOrderView>(HttpMethod.Post, LocalHostFixture.RouteOf(Routes.Dispatch, placed.OrderId), host.OrganizerToken(), new DispatchRequest(pick));
        var accepted = await host.CallAsync<MemberOrderView>(HttpMethod.Post, LocalHostFixture.RouteOf(Routes.Accept, placed.OrderId), host.MemberToken(pick));
        Assert.Equal(OrderStatus.Accepted, accepted.Status);
    }

    [Fact]
    public async Task A_wish_on_the_board_goes_to_the_first_member_who_claims_it()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        var wish = await host.PlaceAsync(LocalHostFixture.Form(kind: "Wish", category: "Visit", urgent: false) with { Description = "想有人陪老伴聊聊天" });
        Assert.Equal(OrderStatus.Open, wish.Status);

        var board = await host.CallAsync<BoardItem[]>(HttpMethod.Get, Routes.Board, host.MemberToken("m005"));
        Assert.Equal("想有人陪老伴聊聊天", Assert.Single(board).Description);

        var claimed = await host.CallAsync<MemberOrderView>(HttpMethod.Post, LocalHostFixture.RouteOf(Routes.Claim, wish.OrderId), host.MemberToken("m005"));
        Assert.Equal((OrderStatus.Accepted, "assigned"), (claimed.Status, claimed.YourRole));

        using var second = await host.SendAsync(HttpMethod.Post, LocalHostFixture.RouteOf(Routes.Claim, wish.OrderId), host.MemberToken("m010"));
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("already-taken", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await host.CallAsync<BoardItem[]>(HttpMethod.Get, Routes.Board, host.MemberToken("m010")));
    }
}
