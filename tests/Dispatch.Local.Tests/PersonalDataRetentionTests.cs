using Dispatch.Core.Api;
using Dispatch.Core.Orders;
using Dispatch.Core.Reports;
using Dispatch.Storage;
using Dispatch.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Local.Tests;

/// <summary>Residents' personal data is erased a set number of days after an order closes, not before; the
/// order's state, history, the member's records, tallies and proofs stay, and open orders are untouched.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class PersonalDataRetentionTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Closed_orders_lose_resident_details_and_reasons_after_the_period_and_records_stay()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);

        // One order served and confirmed, one cancelled with a reason, one left open.
        var served = await host.PlaceAsync(LocalHostFixture.Form() with { Description = "厨房水管漏水" });
        var member = (await host.OpenOrderAsync(served.OrderId)).OfferedTo!;
        await host.CallAsync<MemberOrderView>(HttpMethod.Post, LocalHostFixture.RouteOf(Routes.Accept, served.OrderId), host.MemberToken(member));
        await host.CallAsync<MemberOrderView>(HttpMethod.Post, LocalHostFixture.RouteOf(Routes.Hours, served.OrderId), host.MemberToken(member), new HoursRequest(2));
        await host.CallAsync<ResidentOrderView>(HttpMethod.Post, LocalHostFixture.RouteOf(Routes.Confirm, served.OrderId), host.ResidentToken(served.OrderId), new ConfirmRequest(5));
        var cancelled = await host.PlaceAsync(LocalHostFixture.Form() with { Description = "换灯泡" });
        await host.CallAsync<ResidentOrderView>(HttpMethod.Post, LocalHostFixture.RouteOf(Routes.Cancel, cancelled.OrderId), host.ResidentToken(cancelled.OrderId), new ReasonRequest("家里人修好了"));
        var open = await host.PlaceAsync(LocalHostFixture.Form(kind: "Wish", category: "Visit", urgent: false) with { Description = "想有人陪老伴聊聊天" });
        var records = await RecordsAsync(host, member);
        var proof = await host.CallAsync<MemberProofView>(HttpMethod.Post, ReportRoutes.MyProofs, host.MemberToken(member), new IssueProofRequest(2026));
        var figures = await FiguresAsync(host, member, proof.Number);
        Assert.Contains("\"halfHours\":4", figures[0], StringComparison.Ordinal); // the member's 2 hours, before and after
        var orders = host.Services.GetRequiredService<OrderStore>();

        await host.AdvanceAsync(TimeSpan.FromDays(179));
        Assert.Equal("厨房水管漏水", (await ResidentViewAsync(host, served.OrderId)).Description);
        Assert.Contains(await orders.HistoryAsync(cancelled.OrderId), h => h.Event is OrderCancelled { Reason: "家里人修好了" });

        await host.AdvanceAsync(TimeSpan.FromDays(2));
        var erased = await ResidentViewAsync(host, served.OrderId);
        Assert.Equal((ResidentDetails.ErasedText, OrderStatus.Confirmed), (erased.Description, erased.Status));
        Assert.Contains(erased.Timeline, t => t.What == "confirmed");
        Assert.Equal(ResidentDetails.Erased, (await orders.GetAsync(cancelled.OrderId))!.Resident);
        Assert.Empty(await orders.ReasonsAsync(cancelled.OrderId));
        var history = await orders.HistoryAsync(cancelled.OrderId);
        Assert.Contains(history, h => h.Event is OrderCancelled { Reason: null });
        Assert.DoesNotContain(history, h => h.Event is OrderCancelled { Reason: not null });
        Assert.Equal(ResidentDetails.ErasedText, (await host.CallAsync<MemberOrderView>(
            HttpMethod.Get, LocalHostFixture.RouteOf(Routes.Order, served.OrderId), host.MemberToken(member))).Description);

        Assert.Equal("想有人陪老伴聊聊天", (await orders.GetAsync(open.OrderId))!.Resident.Description);
        Assert.Equal(records, await RecordsAsync(host, member));
        Assert.Equal(figures, await FiguresAsync(host, member, proof.Number));
    }

    /// <summary>What tallies and proofs say, as their readers see them: the member's tally, the community's
    /// tallies and the proof's public verification.</summary>
    private static async Task<string[]> FiguresAsync(LocalHostFixture host, string member, string proofNumber)
    {
        var reads = new[]
        {
            (PostRoutes.MyTally + "?year=2026", host.MemberToken(member)),
            (PostRoutes.Tallies + "?year=2026", host.OrganizerToken()),
            (ReportRoutes.Proof.Replace("{number}", proofNumber, StringComparison.Ordinal), host.MemberToken(member)),
        };
        var bodies = new List<string>();
        foreach (var (path, token) in reads)
        {
            using var response = await host.SendAsync(HttpMethod.Get, path, token);
            Assert.True(response.IsSuccessStatusCode, path);
            bodies.Add(await response.Content.ReadAsStringAsync());
        }

        return [.. bodies];
    }

    private static Task<ResidentOrderView> ResidentViewAsync(LocalHostFixture host, string orderId) =>
        host.CallAsync<ResidentOrderView>(HttpMethod.Get, LocalHostFixture.RouteOf(Routes.Order, orderId), host.ResidentToken(orderId));

    private static async Task<string> RecordsAsync(LocalHostFixture host, string member)
    {
        using var response = await host.SendAsync(HttpMethod.Get, Routes.MyRecords + "?year=2026", host.MemberToken(member));
        return await response.Content.ReadAsStringAsync();
    }
}
