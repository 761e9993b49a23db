using Dispatch.Core.Members;
using Dispatch.Core.Posts;
using Dispatch.Testing;

namespace Dispatch.Storage.Tests.Posts;

public sealed class PostStoreTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    internal static Post NewPost(int capacity = 5, string community = "c1", string? id = null) => new(
        id ?? "p" + Guid.NewGuid().ToString("N")[..8], community, "文明劝导岗", null, ServiceCategory.Other, capacity,
        new DateOnly(2025, 3, 1), new DateOnly(2025, 12, 31), "org1", Sample.T0);

    [Fact]
    public async Task Twenty_members_claiming_five_places_at_once_get_exactly_five()
    {
        var store = new PostStore(Account);
        var post = NewPost(capacity: 5);
        Assert.True(await store.CreateAsync(post));

        var outcomes = await Task.WhenAll(Enumerable.Range(1, 20).Select(i => store.ClaimAsync(post, $"m{i:D2}", Sample.T0)));

        var claimed = outcomes.Where(o => o.Status == ClaimStatus.Claimed).Select(o => o.Claim!).ToList();
        Assert.Equal(5, claimed.Count);
        Assert.Equal([1, 2, 3, 4, 5], claimed.Select(c => c.Place).Order());
        Assert.Equal(15, outcomes.Count(o => o.Status == ClaimStatus.Full));
        var listed = Assert.Single(await store.ListAsync("c1"));
        Assert.Equal(5, listed.Taken);
        Assert.Equal(claimed.Select(c => c.MemberId).Order(), listed.MemberIds.Order());
    }

    [Fact]
    public async Task A_member_claims_a_post_once_even_when_racing_themself()
    {
        var store = new PostStore(Account);
        var post = NewPost(capacity: 10);
        await store.CreateAsync(post);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => store.ClaimAsync(post, "m1", Sample.T0)));

        Assert.Single(outcomes, o => o.Status == ClaimStatus.Claimed);
        Assert.All(outcomes, o => Assert.Equal(outcomes.Single(x => x.Status == ClaimStatus.Claimed).Claim!.Place, o.Claim!.Place));
        Assert.Equal(1, Assert.Single(await store.ListAsync("c1")).Taken);
        Assert.Equal(2025, (await store.GetClaimAsync(post, "m1"))!.Year);
        Assert.Null(await store.GetClaimAsync(post, "m2"));
    }

    [Fact]
    public async Task Posts_are_listed_per_community_and_created_once()
    {
        var store = new PostStore(Account);
        var post = NewPost(id: "p1");
        Assert.True(await store.CreateAsync(post));
        Assert.False(await store.CreateAsync(post with { TitleZh = "改了" }));
        await store.CreateAsync(NewPost(id: "p2", community: "c10"));
        await store.ClaimAsync(NewPost(id: "p2", community: "c10"), "m1", Sample.T0);

        Assert.Equal(post, await store.GetAsync("c1", "p1"));
        var listed = Assert.Single(await store.ListAsync("c1"));
        Assert.Equal((post, 0), (listed.Post, listed.Taken));
        Assert.Null(await store.GetAsync("c1", "p2"));
    }
}
