using Dispatch.Testing;

namespace Dispatch.Storage.Tests;

public sealed class OrgDirectoryTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    [Fact]
    public async Task Community_comes_back_with_its_grids_buildings_and_organizers()
    {
        var org = new OrgDirectory(Account);
        await org.UpsertTreeAsync(new CommunityDirectory(
            new Community("qmq", "清名桥社区", "Qingmingqiao"),
            [new Grid("qmq", "g1", "第一网格", "Grid 1"), new Grid("qmq", "g2", "第二网格", "Grid 2")],
            [new Building("qmq", "g1", "b1", "1幢", "Building 1"), new Building("qmq", "g1", "b2", "2幢", "Building 2"),
             new Building("qmq", "g2", "b9", "9幢", "Building 9")]));
        await org.UpsertCommunityAsync(new Community("jx", "江溪街道社区", "Jiangxi"));
        await org.UpsertGridAsync(new Grid("jx", "g1", "一网格", "Grid 1"));
        await org.UpsertOrganizerAsync(new Organizer("qmq", "org1", "刘书记"));
        await org.UpsertOrganizerAsync(new Organizer("qmq", "org2", "陈网格员"));
        await org.UpsertOrganizerAsync(new Organizer("jx", "org3", "周主任"));

        var qmq = await org.GetCommunityAsync("qmq");

        Assert.NotNull(qmq);
        Assert.Equal(new Community("qmq", "清名桥社区", "Qingmingqiao"), qmq.Community);
        Assert.Equal(["g1", "g2"], qmq.Grids.Select(g => g.GridId));
        Assert.Equal("第二网格", qmq.Grids[1].NameZh);
        Assert.Equal(["b1", "b2"], qmq.BuildingsOf("g1").Select(b => b.BuildingId));
        Assert.Equal(new Building("qmq", "g2", "b9", "9幢", "Building 9"), qmq.Buildings[2]);
        Assert.Equal(["org1", "org2"], (await org.ListOrganizersAsync("qmq")).Select(o => o.OrganizerId));
        Assert.Equal("刘书记", (await org.ListOrganizersAsync("qmq"))[0].Name);
        Assert.Equal(["jx", "qmq"], (await org.ListCommunitiesAsync()).Select(c => c.CommunityId));
        Assert.Null(await org.GetCommunityAsync("none"));
    }

    [Fact]
    public async Task Ids_that_cannot_be_keys_are_refused()
    {
        var org = new OrgDirectory(Account);
        await Assert.ThrowsAsync<InvalidKeyException>(() => org.UpsertGridAsync(new Grid("c1", "g|1", "x", "x")));
        await Assert.ThrowsAsync<InvalidKeyException>(() => org.UpsertCommunityAsync(new Community("a/b", "x", "x")));
    }
}
