using System.Net;
using System.Text.Json;
using Dispatch.Core.Api;
using Dispatch.Core.Reports;
using Dispatch.Testing;

namespace Dispatch.Local.Tests.Access;

/// <summary>What a grid organizer sees and does: their grid's orders, members, notices and reports, and orders of
/// their grid only for dispatch and confirmation; an administrator reads any community's report by name.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class GridScopeTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_grid_organizer_sees_and_acts_on_their_grid_only()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        var inG1 = await host.PlaceAsync(LocalHostFixture.Form(grid: "g1", building: "b1"));
        var inG2 = await host.PlaceAsync(LocalHostFixture.Form(grid: "g2", building: "b4"));
        var g1 = host.Links.OrganizerToken("org-chen", LocalHostFixture.CommunityId, "g1");
        var g2 = host.Links.OrganizerToken("org-g2", LocalHostFixture.CommunityId, "g2");

        var g1Orders = await host.CallAsync<OrganizerOrderView[]>(HttpMethod.Get, Routes.OrganizerOrders, g1);
        Assert.Contains(g1Orders, o => o.OrderId == inG1.OrderId);
        Assert.All(g1Orders, o => Assert.Equal("g1", o.GridId));
        var g2Orders = await host.CallAsync<OrganizerOrderView[]>(HttpMethod.Get, Routes.OrganizerOrders, g2);
        Assert.Equal([inG2.OrderId], g2Orders.Select(o => o.OrderId));
        var all = await host.CallAsync<OrganizerOrderView[]>(HttpMethod.Get, Routes.OrganizerOrders, host.OrganizerToken());
        Assert.Contains(all, o => o.OrderId == inG2.OrderId);

        var members = await host.CallAsync<OrganizerMemberView[]>(HttpMethod.Get, Routes.OrganizerMembers, g1);
        Assert.NotEmpty(members);
        Assert.All(members, m => Assert.Equal("g1", m.GridId));

        // Orders of another grid: neither dispatch nor confirmation nor reading.
        var member = members.First(m => m.Active).MemberId;
        using (var refused = await host.SendAsync(HttpMethod.Post, LocalHostFixture.RouteOf(Routes.Dispatch, inG2.OrderId), g1, new DispatchRequest(member)))
        {
            await Registry.RegistryTestData.ProblemAsync(refused, HttpStatusCode.Forbidden, "token-wrongscope");
        }

        using (var refused = await host.SendAsync(HttpMethod.Post, LocalHostFixture.RouteOf(Routes.Confirm, inG2.OrderId), g1, new ConfirmRequest(5)))
        {
            await Registry.RegistryTestData.ProblemAsync(refused, HttpStatusCode.Forbidden, "token-wrongscope");
        }

        using (var refused = await host.SendAsync(HttpMethod.Get, LocalHostFixture.RouteOf(Routes.Order, inG2.OrderId), g1))
        {
            await Registry.RegistryTestData.ProblemAsync(refused, HttpStatusCode.Forbidden, "token-wrongscope");
        }

        using var dispatched = await host.SendAsync(HttpMethod.Post, LocalHostFixture.RouteOf(Routes.Dispatch, inG1.OrderId), g1, new DispatchRequest(member));
        Assert.True(dispatched.IsSuccessStatusCode, await dispatched.Content.ReadAsStringAsync());

        // Community-wide actions are the community organizers'.
        using var post = await host.SendAsync(HttpMethod.Post, PostRoutes.Posts, g1, new CreatePostRequest("巡逻", null, 3, new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 2)));
        await Registry.RegistryTestData.ProblemAsync(post, HttpStatusCode.Forbidden, "token-wrongscope");
    }

    [Fact]
    public async Task Reports_cover_a_grid_organizers_grid_and_any_community_an_administrator_names()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        var g1 = host.Links.OrganizerToken("org-chen", LocalHostFixture.CommunityId, "g1");
        var report = await Json(host, PostRoutes.Tallies, g1);
        var tallies = report.GetProperty("tallies").EnumerateArray().ToList();
        Assert.NotEmpty(tallies);
        Assert.All(tallies, t => Assert.Equal("g1", t.GetProperty("gridId").GetString()));
        var whole = await Json(host, PostRoutes.Tallies, host.OrganizerToken());
        Assert.True(whole.GetProperty("tallies").GetArrayLength() > tallies.Count);

        // The export has a row per member it covers, beside the same header and total lines.
        var gridLines = await CsvLinesAsync(host, g1);
        var wholeLines = await CsvLinesAsync(host, host.OrganizerToken());
        Assert.Equal(wholeLines - whole.GetProperty("tallies").GetArrayLength(), gridLines - tallies.Count);

        var admin = host.Links.AdministratorToken("admin-zhao");
        using (var unnamed = await host.SendAsync(HttpMethod.Get, PostRoutes.Tallies, admin))
        {
            var problem = await Registry.RegistryTestData.ProblemAsync(unnamed, HttpStatusCode.BadRequest, "validation");
            Assert.True(problem.GetProperty("errors").TryGetProperty("community", out _));
        }

        var named = await Json(host, PostRoutes.Tallies + "?community=" + LocalHostFixture.CommunityId, admin);
        Assert.Equal(whole.GetProperty("tallies").GetArrayLength(), named.GetProperty("tallies").GetArrayLength());
        using var months = await host.SendAsync(HttpMethod.Get, ReportRoutes.Months + "?community=" + LocalHostFixture.CommunityId, admin);
        Assert.Equal(HttpStatusCode.OK, months.StatusCode);
    }

    private static async Task<int> CsvLinesAsync(LocalHostFixture host, string token)
    {
        using var csv = await host.SendAsync(HttpMethod.Get, ReportRoutes.TalliesCsv + "?level=member", token);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        return (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
    }

    private static async Task<JsonElement> Json(LocalHostFixture host, string path, string token)
    {
        using var response = await host.SendAsync(HttpMethod.Get, path, token);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
