using System.Net;
using System.Text.Json;
using Dispatch.Core.Api;
using Dispatch.Core.Tallies;
using Dispatch.Local.Demo;
using Dispatch.Testing;

namespace Dispatch.Local.Tests.Posts;

/// <summary>Volunteer posts over real HTTP on loopback, on Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public class PostEndpointTests(AzuriteFixture azurite)
{
    internal static readonly CreatePostRequest Crossing =
        new("路口文明劝导岗", "周末早高峰", 5, new DateOnly(2026, 11, 1), new DateOnly(2026, 12, 31));

    internal static async Task<string> ProblemTypeAsync(HttpResponseMessage response)
    {
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("type").GetString()!.Split('/')[^1];
    }

    internal static string[] ActiveMembers(int count) => [.. DemoData.Members().Where(m => m.Active).Take(count).Select(m => m.MemberId)];

    [Fact]
    public async Task Twenty_members_claim_five_places_at_once_five_get_one_and_the_rest_hear_it_is_full()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        var post = await host.CallAsync<PostView>(HttpMethod.Post, PostRoutes.Posts, host.OrganizerToken(), Crossing);
        Assert.Equal((5, 0, 2026), (post.Capacity, post.Taken, post.QuotaYear));

        var members = ActiveMembers(20);
        var responses = await Task.WhenAll(members.Select(m => host.SendAsync(HttpMethod.Post, PostRoutes.ClaimOf(post.PostId), host.MemberToken(m))));

        Assert.Equal(5, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(15, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        foreach (var refused in responses.Where(r => r.StatusCode == HttpStatusCode.Conflict))
        {
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            Assert.Equal("post-full", await ProblemTypeAsync(refused));
        }

        var winners = members.Where((_, i) => responses[i].StatusCode == HttpStatusCode.Created).ToList();
        var seen = Assert.Single(await host.CallAsync<PostView[]>(HttpMethod.Get, PostRoutes.Posts, host.MemberToken(winners[0])));
        Assert.Equal((5, true), (seen.Taken, seen.ClaimedByMe));
        Assert.False(Assert.Single(await host.CallAsync<PostView[]>(HttpMethod.Get, PostRoutes.Posts, host.MemberToken(members.Except(winners).First()))).ClaimedByMe);

        // The claim is this year's post on the member's tally.
        var tally = await host.CallAsync<AnnualTally>(HttpMethod.Get, PostRoutes.MyTally, host.MemberToken(winners[0]));
        Assert.Equal((2026, 1, false), (tally.Year, tally.Posts, tally.QuotaMet));
    }

    [Fact]
    public async Task A_member_claims_once_and_the_organizer_records_shifts_credited_once()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        var post = await host.CallAsync<PostView>(HttpMethod.Post, PostRoutes.Posts, host.OrganizerToken(), Crossing);
        var (zhang, li) = (ActiveMembers(2)[0], ActiveMembers(2)[1]);
        var claim = await host.CallAsync<PostClaimResponse>(HttpMethod.Post, PostRoutes.ClaimOf(post.PostId), host.MemberToken(zhang));
        Assert.InRange(claim.Place, 1, 5);

        using var again = await host.SendAsync(HttpMethod.Post, PostRoutes.ClaimOf(post.PostId), host.MemberToken(zhang));
        Assert.Equal((HttpStatusCode.Conflict, "already-claimed"), (again.StatusCode, await ProblemTypeAsync(again)));

        var shift = new ShiftRequest(zhang, new DateOnly(2026, 11, 22), 2.5m);
        using var first = await host.SendAsync(HttpMethod.Post, PostRoutes.ShiftsOf(post.PostId), host.OrganizerToken(), shift);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var repeat = await host.CallAsync<ShiftResponse>(HttpMethod.Post, PostRoutes.ShiftsOf(post.PostId), host.OrganizerToken(), shift);
        Assert.Equal(($"{post.PostId}~{zhang}~20261122", false), (repeat.RecordId, repeat.Credited));

        var tally = await host.CallAsync<AnnualTally>(HttpMethod.Get, PostRoutes.MyTally, host.MemberToken(zhang));
        Assert.Equal((2.5m, 1, 1), (tally.Hours, tally.Services, tally.Posts));
        var records = await host.CallAsync<MyRecordsView>(HttpMethod.Get, Routes.MyRecords, host.MemberToken(zhang));
        Assert.Equal((2.5m, post.PostId), (records.Hours, Assert.Single(records.Records).OrderId));

        using var notClaimed = await host.SendAsync(HttpMethod.Post, PostRoutes.ShiftsOf(post.PostId), host.OrganizerToken(), shift with { MemberId = li });
        Assert.Equal((HttpStatusCode.Conflict, "not-claimed"), (notClaimed.StatusCode, await ProblemTypeAsync(notClaimed)));
        using var future = await host.SendAsync(HttpMethod.Post, PostRoutes.ShiftsOf(post.PostId), host.OrganizerToken(), shift with { Date = new DateOnly(2026, 11, 30) });
        Assert.Equal((HttpStatusCode.BadRequest, "validation"), (future.StatusCode, await ProblemTypeAsync(future)));
    }

    [Fact]
    public async Task Only_organizers_create_posts_and_bad_forms_name_their_fields()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);

        using var asMember = await host.SendAsync(HttpMethod.Post, PostRoutes.Posts, host.MemberToken(ActiveMembers(1)[0]), Crossing);
        Assert.Equal((HttpStatusCode.Forbidden, "token-wrongrole"), (asMember.StatusCode, await ProblemTypeAsync(asMember)));

        using var bad = await host.SendAsync(HttpMethod.Post, PostRoutes.Posts, host.OrganizerToken(), Crossing with { Capacity = 501, TitleZh = "" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        using var body = JsonDocument.Parse(await bad.Content.ReadAsStringAsync());
        Assert.Equal(["capacity", "titleZh"], body.RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order());
        Assert.Empty(await host.CallAsync<PostView[]>(HttpMethod.Get, PostRoutes.Posts, host.OrganizerToken()));

        using var missing = await host.SendAsync(HttpMethod.Post, PostRoutes.ClaimOf("pnope"), host.MemberToken(ActiveMembers(1)[0]));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
