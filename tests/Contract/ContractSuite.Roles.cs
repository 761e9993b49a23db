using Dispatch.Core.Api;

namespace Dispatch.Contract.Tests;

/// <summary>Roles and scopes on both hosts: a grid organizer sees and acts on their grid only, community-wide actions
/// are the community organizers', and the district administrator keeps communities and organizers and reads any
/// community's report. (Every route with every caller: the local host's RoleMatrixTests.)</summary>
public abstract partial class ContractSuite
{
    [Fact]
    public async Task A_grid_organizer_sees_their_grid_only_and_community_wide_actions_are_the_community_organizers()
    {
        await using var host = await StartAsync();
        var (orderId, _) = await PlaceAsync(host); // in g1
        var g1 = host.GridOrganizerToken("g1");
        var g2 = host.GridOrganizerToken("g2");

        var mine = await SendAsync(host, "GET", Routes.OrganizerOrders, g1);
        Assert.Equal(200, mine.Status);
        Assert.Contains(mine.Json.EnumerateArray(), o => o.GetProperty("orderId").GetString() == orderId);
        var theirs = await SendAsync(host, "GET", Routes.OrganizerOrders, g2);
        Assert.Equal(200, theirs.Status);
        Assert.DoesNotContain(theirs.Json.EnumerateArray(), o => o.GetProperty("orderId").GetString() == orderId);
        Assert.Equal((403, "token-wrongscope"), Problem(await SendAsync(host, "GET", Order(Routes.Order, orderId), g2)));
        Assert.Equal((403, "token-wrongscope"), Problem(await SendAsync(host, "POST", Order(Routes.Confirm, orderId), g2, new ConfirmRequest(5))));

        Assert.Equal((403, "token-wrongscope"), Problem(await SendAsync(host, "POST", PostRoutes.Posts, g1, Post(host))));
        Assert.Equal((403, "token-wrongscope"), Problem(await SendAsync(host, "POST", OrgTreeRoutes.Grids, g1, new PlaceRequest("g7", "第七网格", null))));
        var grid = await SendAsync(host, "POST", OrgTreeRoutes.Grids, host.OrganizerToken(), new PlaceRequest("g7", "第七网格", null));
        Assert.Equal(201, grid.Status);
        Assert.Contains(grid.Json.GetProperty("grids").EnumerateArray(), g => g.GetProperty("gridId").GetString() == "g7");
    }

    [Fact]
    public async Task The_administrator_keeps_communities_and_organizers_and_reads_any_communitys_report()
    {
        await using var host = await StartAsync();
        var admin = host.AdministratorToken();

        var list = await SendAsync(host, "GET", AdminRoutes.Communities, admin);
        Assert.Equal(200, list.Status);
        Assert.Contains(list.Json.EnumerateArray(), c => c.GetProperty("communityId").GetString() == host.CommunityId);
        var added = await SendAsync(host, "POST", AdminRoutes.Communities, admin, new CommunityRequest("n1", "新社区", null));
        Assert.Equal(201, added.Status);
        Assert.Equal((409, "place-exists"), Problem(await SendAsync(host, "POST", AdminRoutes.Communities, admin, new CommunityRequest("n1", "新社区", null))));
        var renamed = await SendAsync(host, "PUT", AdminRoutes.CommunityOf("n1"), admin, new CommunityRequest(null, "新社区二", "New 2"));
        Assert.Equal("新社区二", renamed.Json.GetProperty("nameZh").GetString());
        var organizer = await SendAsync(host, "POST", AdminRoutes.OrganizersOf(host.CommunityId), admin, new OrganizerRequest("周网格员", "13700000009", "g1"));
        Assert.Equal(201, organizer.Status);
        Assert.Contains("t=", organizer.Json.GetProperty("url").GetString(), StringComparison.Ordinal);

        Assert.Equal(200, (await SendAsync(host, "GET", $"{PostRoutes.Tallies}?community={host.CommunityId}", admin)).Status);
        Assert.Equal((400, "validation"), Problem(await SendAsync(host, "GET", PostRoutes.Tallies, admin)));
        Assert.Equal((403, "token-wrongrole"), Problem(await SendAsync(host, "GET", AdminRoutes.Communities, host.OrganizerToken())));
        Assert.Equal((403, "token-wrongrole"), Problem(await SendAsync(host, "GET", AdminRoutes.Communities, host.MemberToken(host.SpareMemberId))));
        Assert.Equal(401, (await SendAsync(host, "GET", AdminRoutes.Communities)).Status);
    }
}
