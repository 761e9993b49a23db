using Dispatch.Core.Api;
using Dispatch.Core.Orders;
using Dispatch.Testing;

namespace Dispatch.Local.Tests.Hosting;

/// <summary>The background loop runs when there is work, not on a poll: with the host's clock standing still, only
/// the request path's wake-up can deliver an offer, and a timer the order sets wakes the loop when it is due.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class WakeUpTests(AzuriteFixture azurite)
{
    private static readonly Dictionary<string, string?> LoopsOn = new()
    {
        ["Dispatch:RunBackgroundLoops"] = "true",
        ["Dispatch:UpkeepInterval"] = "01:00:00",
        ["Dispatch:PollInterval"] = "01:00:00", // no poll could deliver within the test
    };

    [Fact]
    public async Task A_placed_order_reaches_the_members_inbox_without_a_poll_or_a_pass_by_hand()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite, settings: LoopsOn);
        var placed = await host.PlaceAsync();
        var member = (await host.OpenOrderAsync(placed.OrderId)).OfferedTo!;

        var inbox = await EventuallyAsync(host, member, v => v.Offers.Any(o => o.OrderId == placed.OrderId));
        Assert.Contains(inbox.Notices, n => n.OrderId == placed.OrderId && n.Notice == NoticeKind.OrderReceived);
    }

    [Fact]
    public async Task The_offer_deadline_wakes_the_loop_and_the_order_moves_to_the_next_member()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite, settings: LoopsOn);
        var placed = await host.PlaceAsync(LocalHostFixture.Form(urgent: true));
        var first = (await host.OpenOrderAsync(placed.OrderId)).OfferedTo!;
        await EventuallyAsync(host, first, v => v.Offers.Any(o => o.OrderId == placed.OrderId));

        host.Clock.Advance(TimeSpan.FromMinutes(31)); // past the urgent offer's 30-minute deadline
        var watch = System.Diagnostics.Stopwatch.StartNew();
        string? next = first;
        while (next == first && watch.Elapsed < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(50);
            next = (await host.OpenOrderAsync(placed.OrderId))?.OfferedTo;
        }

        Assert.NotEqual(first, next);
    }

    private static async Task<InboxView> EventuallyAsync(LocalHostFixture host, string memberId, Func<InboxView, bool> done)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var inbox = await host.CallAsync<InboxView>(HttpMethod.Get, Routes.Inbox, host.MemberToken(memberId));
            if (done(inbox) || watch.Elapsed > TimeSpan.FromSeconds(20))
            {
                return inbox;
            }

            await Task.Delay(50);
        }
    }
}
