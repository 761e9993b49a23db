using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Dispatch.Core;
using Dispatch.Core.Api;
using Dispatch.Core.Orders;
using Dispatch.Testing;

namespace Dispatch.Local.Tests;

/// <summary>代下单: a grid worker places an order for a resident without a smartphone; the order says who placed it
/// and the worker gets the resident's tracking link.</summary>
[Collection(AzuriteCollection.Name)]
public class ProxyOrderTests(AzuriteFixture azurite)
{
    private static async Task<HttpResponseMessage> PlaceForAsync(LocalHostFixture host, string token, PlaceOrderRequest form, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Routes.OrganizerOrders) { Content = JsonContent.Create(form) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Add("Idempotency-Key", key);
        return await host.Http.SendAsync(request);
    }

    [Fact]
    public async Task A_grid_worker_places_an_order_for_a_resident_who_sees_who_placed_it()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        var chen = host.Links.OrganizerToken("org-chen", LocalHostFixture.CommunityId, "g1");
        var form = LocalHostFixture.Form() with { Name = "赵大爷", Phone = "13900001111" };

        using var first = await PlaceForAsync(host, chen, form, "proxy-1");
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var placed = (await first.Content.ReadFromJsonAsync<PlaceOrderResponse>(CoreJson.Options))!;
        Assert.StartsWith("/track.html?o=" + placed.OrderId, placed.TrackingUrl, StringComparison.Ordinal);

        // The same key again (a double tap, a retry) answers the same order.
        using var again = await PlaceForAsync(host, chen, form, "proxy-1");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(placed.OrderId, (await again.Content.ReadFromJsonAsync<PlaceOrderResponse>(CoreJson.Options))!.OrderId);

        // The tracking link works for the resident, and the timeline names the grid worker.
        var view = await host.CallAsync<ResidentOrderView>(HttpMethod.Get, LocalHostFixture.RouteOf(Routes.Order, placed.OrderId), placed.Token);
        Assert.Equal(new PlacedByView("org-chen", "陈网格员"), view.PlacedBy);
        var entry = view.Timeline[0];
        Assert.Equal(("placedByOrganizer", "陈网格员"), (entry.What, entry.MemberName));
        Assert.Equal(OrderStatus.Offered, view.Status);
    }

    [Fact]
    public async Task A_grid_worker_cannot_place_an_order_in_another_grid_or_community()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        var g2 = host.Links.OrganizerToken("org-g2", LocalHostFixture.CommunityId, "g2");
        using var otherGrid = await PlaceForAsync(host, g2, LocalHostFixture.Form(grid: "g1"), "proxy-2");
        Assert.Equal(HttpStatusCode.Forbidden, otherGrid.StatusCode);

        var elsewhere = host.Links.OrganizerToken("org-li", "elsewhere");
        using var otherCommunity = await PlaceForAsync(host, elsewhere, LocalHostFixture.Form(), "proxy-3");
        Assert.Equal(HttpStatusCode.Forbidden, otherCommunity.StatusCode);
    }
}
