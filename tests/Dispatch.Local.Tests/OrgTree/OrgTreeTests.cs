using System.Net;
using Dispatch.Core.Api;
using Dispatch.Local.Tests.Registry;
using Dispatch.Storage;
using Dispatch.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Local.Tests.OrgTree;

/// <summary>A community organizer keeps the tree: new grids and buildings show up at once in the public directory the
/// order and registration forms read; names are checked with Chinese and English messages; ids are made or checked.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class OrgTreeTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Grids_and_buildings_are_added_and_renamed_and_the_forms_see_them_at_once()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        var organizer = host.OrganizerToken();

        var tree = await host.CallAsync<CommunityView>(HttpMethod.Post, OrgTreeRoutes.Grids, organizer, new PlaceRequest("g5", "第五网格", null));
        Assert.Contains(tree.Grids, g => g.GridId == "g5" && g.NameEn == "第五网格");
        tree = await host.CallAsync<CommunityView>(HttpMethod.Post, OrgTreeRoutes.BuildingsOf("g5"), organizer, new PlaceRequest(null, "13号楼", "Building 13"));
        var building = Assert.Single(Assert.Single(tree.Grids, g => g.GridId == "g5").Buildings);
        tree = await host.CallAsync<CommunityView>(HttpMethod.Put, OrgTreeRoutes.GridOf("g5"), organizer, new PlaceRequest(null, "第五网格（新）", "Grid 5"));
        tree = await host.CallAsync<CommunityView>(HttpMethod.Put, OrgTreeRoutes.BuildingOf("g5", building.BuildingId), organizer, new PlaceRequest(null, "十三号楼", null));

        var directory = await host.CallAsync<CommunityView[]>(HttpMethod.Get, Routes.Communities, organizer);
        var g5 = Assert.Single(Assert.Single(directory, c => c.CommunityId == LocalHostFixture.CommunityId).Grids, g => g.GridId == "g5");
        Assert.Equal(("第五网格（新）", "十三号楼"), (g5.NameZh, Assert.Single(g5.Buildings).NameZh));
        var placed = await host.PlaceAsync(LocalHostFixture.Form(grid: "g5", building: building.BuildingId)); // the order form takes it
        Assert.False(string.IsNullOrEmpty(placed.OrderId));

        using (var taken = await host.SendAsync(HttpMethod.Post, OrgTreeRoutes.BuildingsOf("g1"), organizer, new PlaceRequest(building.BuildingId, "重名楼", null)))
        {
            await RegistryTestData.ProblemAsync(taken, HttpStatusCode.Conflict, "place-exists");
        }

        using (var bad = await host.SendAsync(HttpMethod.Post, OrgTreeRoutes.Grids, organizer, new PlaceRequest("g 6", new string('网', 41), null)))
        {
            var errors = (await RegistryTestData.ProblemAsync(bad, HttpStatusCode.BadRequest, "validation")).GetProperty("errors");
            Assert.Contains("A Chinese name", errors.GetProperty("nameZh")[0].GetString(), StringComparison.Ordinal);
            Assert.True(errors.TryGetProperty("id", out _));
        }

        using var unknown = await host.SendAsync(HttpMethod.Put, OrgTreeRoutes.GridOf("g9"), organizer, new PlaceRequest(null, "第九网格", null));
        await RegistryTestData.ProblemAsync(unknown, HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task A_member_is_linked_to_households_by_an_organizer_of_their_grid()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        var members = await host.CallAsync<OrganizerMemberView[]>(HttpMethod.Get, Routes.OrganizerMembers, host.OrganizerToken());
        var inG1 = members.First(m => m.GridId == "g1").MemberId;
        var g1 = host.Links.OrganizerToken("org-chen", LocalHostFixture.CommunityId, "g1");

        var linked = await host.CallAsync<HouseholdsView>(HttpMethod.Put, OrgTreeRoutes.MemberHouseholdsOf(inG1), g1, new HouseholdsRequest(["b1-302", "b1-101", "b1-101"]));
        Assert.Equal(["b1-101", "b1-302"], linked.Households);
        var stored = await host.Services.GetRequiredService<MemberStore>().GetAsync(LocalHostFixture.CommunityId, inG1);
        Assert.Equal(["b1-101", "b1-302"], stored!.Households.Order(StringComparer.Ordinal));

        var g2 = host.Links.OrganizerToken("org-g2", LocalHostFixture.CommunityId, "g2");
        using (var refused = await host.SendAsync(HttpMethod.Put, OrgTreeRoutes.MemberHouseholdsOf(inG1), g2, new HouseholdsRequest([])))
        {
            await RegistryTestData.ProblemAsync(refused, HttpStatusCode.Forbidden, "token-wrongscope");
        }

        using var bad = await host.SendAsync(HttpMethod.Put, OrgTreeRoutes.MemberHouseholdsOf(inG1), g1, new HouseholdsRequest(["b1/101"]));
        var errors = (await RegistryTestData.ProblemAsync(bad, HttpStatusCode.BadRequest, "validation")).GetProperty("errors");
        Assert.Contains("户号", errors.GetProperty("households")[0].GetString(), StringComparison.Ordinal);
    }
}
