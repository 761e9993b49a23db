using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Core.Access;
using Dispatch.Core.Api;
using Dispatch.Core.Orders;
using Dispatch.Testing;

namespace Dispatch.Local.Tests;

/// <summary>Bad requests get RFC 9457 problem details and change nothing.</summary>
[Collection(AzuriteCollection.Name)]
public class BadInputTests(AzuriteFixture azurite)
{
    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task A_bad_form_names_every_bad_field_and_places_nothing()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        var form = LocalHostFixture.Form() with { Phone = "12345", Name = new string('名', 41), Address = " ", Category = "Plumbing" };
        using var response = await host.Http.PostAsJsonAsync(Routes.Orders, form);
        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.Equal(["address", "category", "name", "phone"], errors.EnumerateObject().Select(p => p.Name).Order());
        Assert.Empty(await host.OpenOrdersAsync());
    }

    [Theory]
    [InlineData("Service,Wish", "Repair", "kind")]
    [InlineData("Wish", "errand, repair", "category")]
    [InlineData("1", "Repair", "kind")]
    [InlineData("Service", "3", "category")]
    public async Task Combined_or_numeric_enum_values_are_refused_by_field(string kind, string category, string field)
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        using var response = await host.Http.PostAsJsonAsync(Routes.Orders, LocalHostFixture.Form() with { Kind = kind, Category = category, Urgent = false }); // a wish cannot be urgent
        var errors = (await ProblemAsync(response, HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Equal([field], errors.EnumerateObject().Select(p => p.Name));
        Assert.Empty(await host.OpenOrdersAsync());
    }

    [Fact]
    public async Task An_unknown_community_grid_or_building_is_refused()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        using var community = await host.Http.PostAsJsonAsync(Routes.Orders, LocalHostFixture.Form() with { CommunityId = "nowhere" });
        Assert.True((await ProblemAsync(community, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("communityId", out _));
        using var building = await host.Http.PostAsJsonAsync(Routes.Orders, LocalHostFixture.Form(grid: "g1", building: "b9"));
        Assert.True((await ProblemAsync(building, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("buildingId", out _));
    }

    [Fact]
    public async Task Resubmitting_the_same_form_returns_the_first_order()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        var first = await host.PlaceAsync(idempotencyKey: "form-123");
        var again = await host.PlaceAsync(idempotencyKey: "form-123");
        Assert.Equal(first.OrderId, again.OrderId);
        Assert.Single(await host.OpenOrdersAsync());
    }

    [Fact]
    public async Task Forged_expired_and_other_orders_links_are_refused()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        var a = await host.PlaceAsync();
        var b = await host.PlaceAsync();
        var orderA = LocalHostFixture.RouteOf(Routes.Order, a.OrderId);

        using var other = await host.SendAsync(HttpMethod.Get, orderA, b.Token);
        Assert.EndsWith("token-wrongscope", (await ProblemAsync(other, HttpStatusCode.Forbidden)).GetProperty("type").GetString(), StringComparison.Ordinal);

        var forged = new TokenSigner(new byte[32]).Sign(new AccessToken(TokenRole.Resident, "resident", a.OrderId, host.Clock.GetUtcNow().AddDays(1)));
        using var forgedResponse = await host.SendAsync(HttpMethod.Get, orderA, forged);
        await ProblemAsync(forgedResponse, HttpStatusCode.Unauthorized);

        using var none = await host.Http.GetAsync(orderA);
        await ProblemAsync(none, HttpStatusCode.Unauthorized);

        var member = host.MemberToken("m003");
        host.Clock.Advance(TimeSpan.FromDays(31));
        using var expired = await host.SendAsync(HttpMethod.Get, Routes.Inbox, member);
        Assert.EndsWith("token-expired", (await ProblemAsync(expired, HttpStatusCode.Unauthorized)).GetProperty("type").GetString(), StringComparison.Ordinal);

        // A resident's link does not let anyone act as a member.
        using var asMember = await host.SendAsync(HttpMethod.Post, LocalHostFixture.RouteOf(Routes.Accept, a.OrderId), a.Token);
        await ProblemAsync(asMember, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Double_accept_confirm_before_done_and_hours_out_of_range_are_refused_and_change_nothing()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        var placed = await host.PlaceAsync();
        var member = host.MemberToken((await host.OpenOrderAsync(placed.OrderId)).OfferedTo!);

        using var early = await host.SendAsync(HttpMethod.Post, LocalHostFixture.RouteOf(Routes.Confirm, placed.OrderId), placed.Token, new ConfirmRequest(5));
        Assert.EndsWith("not-done-yet", (await ProblemAsync(early, HttpStatusCode.Conflict)).GetProperty("type").GetString(), StringComparison.Ordinal);

        await host.CallAsync<MemberOrderView>(HttpMethod.Post, LocalHostFixture.RouteOf(Routes.Accept, placed.OrderId), member);
        using var twice = await host.SendAsync(HttpMethod.Post, LocalHostFixture.RouteOf(Routes.Accept, placed.OrderId), member);
        Assert.EndsWith("already-accepted", (await ProblemAsync(twice, HttpStatusCode.Conflict)).GetProperty("type").GetString(), StringComparison.Ordinal);

        foreach (var hours in new[] { 0m, 0.3m, 12.5m })
        {
            using var bad = await host.SendAsync(HttpMethod.Post, LocalHostFixture.RouteOf(Routes.Hours, placed.OrderId), member, new HoursRequest(hours));
            Assert.True((await ProblemAsync(bad, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("hours", out _));
        }

        var view = await host.CallAsync<ResidentOrderView>(HttpMethod.Get, LocalHostFixture.RouteOf(Routes.Order, placed.OrderId), placed.Token);
        Assert.Equal((OrderStatus.Accepted, (decimal?)null), (view.Status, view.Hours));
    }

    [Fact]
    public async Task Organizers_cannot_dispatch_to_someone_outside_their_community_or_inactive()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        var placed = await host.PlaceAsync();
        using var ghost = await host.SendAsync(HttpMethod.Post, LocalHostFixture.RouteOf(Routes.Dispatch, placed.OrderId), host.OrganizerToken(), new DispatchRequest("m999"));
        await ProblemAsync(ghost, HttpStatusCode.BadRequest);
        using var inactive = await host.SendAsync(HttpMethod.Post, LocalHostFixture.RouteOf(Routes.Dispatch, placed.OrderId), host.OrganizerToken(), new DispatchRequest("m017"));
        await ProblemAsync(inactive, HttpStatusCode.Forbidden);
        using var otherCommunity = await host.SendAsync(HttpMethod.Get, Routes.OrganizerOrders, host.OrganizerToken("org-x", "elsewhere"));
        Assert.Equal(HttpStatusCode.OK, otherCommunity.StatusCode);
        Assert.Equal("[]", await otherCommunity.Content.ReadAsStringAsync());
    }
}
