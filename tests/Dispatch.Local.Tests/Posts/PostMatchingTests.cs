using Dispatch.Core.Api;
using Dispatch.Testing;

namespace Dispatch.Local.Tests.Posts;

/// <summary>Dispatch weighs the annual quota: a member who already claimed this year's post is behind on
/// fewer items, so an equally close member still owing one is offered the order first.</summary>
[Collection(AzuriteCollection.Name)]
public class PostMatchingTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_member_who_claimed_a_post_this_year_yields_to_an_equally_close_member_still_owing_one()
    {
        string first;
        await using (var before = await LocalHostFixture.StartAsync(azurite))
        {
            first = (await before.OpenOrderAsync((await before.PlaceAsync()).OrderId)).OfferedTo!;
        }

        await using var host = await LocalHostFixture.StartAsync(azurite);
        var post = await host.CallAsync<PostView>(HttpMethod.Post, PostRoutes.Posts, host.OrganizerToken(), PostEndpointTests.Crossing);
        await host.CallAsync<PostClaimResponse>(HttpMethod.Post, PostRoutes.ClaimOf(post.PostId), host.MemberToken(first));

        var placed = await host.PlaceAsync();
        var offeredTo = (await host.OpenOrderAsync(placed.OrderId)).OfferedTo!;
        await host.RunLoopsAsync();
        var offer = Assert.Single((await host.CallAsync<InboxView>(HttpMethod.Get, Routes.Inbox, host.MemberToken(offeredTo))).Offers);

        Assert.NotEqual(first, offeredTo);
        Assert.Equal(3, offer.Reason?.QuotaGap);
    }
}
