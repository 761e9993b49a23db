using System.Net;
using Dispatch.Core.Api;
using Dispatch.Core.Assessment;
using Dispatch.Core.Tallies;
using Dispatch.Local.Tests.Posts;
using Dispatch.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Dispatch.Local.Tests.Tallies;

/// <summary>Live tallies, the freeze at midnight on 31 December China time, and late corrections.</summary>
[Collection(AzuriteCollection.Name)]
public class AssessmentEndpointTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset NewYearsEve = new(2026, 12, 31, 23, 30, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task The_year_freezes_at_China_midnight_once_and_later_shifts_are_listed_against_it()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite, clock: new FakeTimeProvider(NewYearsEve));
        var organizer = host.OrganizerToken();
        var post = await host.CallAsync<PostView>(HttpMethod.Post, PostRoutes.Posts, organizer,
            PostEndpointTests.Crossing with { StartsOn = new DateOnly(2026, 12, 1), EndsOn = new DateOnly(2027, 1, 31) });
        var (zhang, li) = (PostEndpointTests.ActiveMembers(2)[0], PostEndpointTests.ActiveMembers(2)[1]);
        await host.CallAsync<PostClaimResponse>(HttpMethod.Post, PostRoutes.ClaimOf(post.PostId), host.MemberToken(zhang));
        await host.CallAsync<PostClaimResponse>(HttpMethod.Post, PostRoutes.ClaimOf(post.PostId), host.MemberToken(li));
        await host.CallAsync<ShiftResponse>(HttpMethod.Post, PostRoutes.ShiftsOf(post.PostId), organizer, new ShiftRequest(zhang, new DateOnly(2026, 12, 31), 3m));

        var live = await host.CallAsync<TallyReport>(HttpMethod.Get, PostRoutes.Tallies + "?year=2026", organizer);
        Assert.Equal((3m, 1, 1), (Tally(live, zhang).Hours, Tally(live, zhang).Posts, Tally(live, li).Posts));
        Assert.Equal(48, live.RollUps.Community.Members); // the demo's 48 active members, idle ones included
        Assert.Equal(6, live.RollUps.Community.HalfHours);

        await host.RunLoopsAsync();
        using var early = await host.SendAsync(HttpMethod.Get, PostRoutes.AssessmentOf(2026), organizer);
        Assert.Equal(HttpStatusCode.NotFound, early.StatusCode);

        // Midnight in China (16:00 UTC): the background loop freezes 2026.
        await host.AdvanceAsync(TimeSpan.FromMinutes(31));
        var frozen = await host.CallAsync<AssessmentView>(HttpMethod.Get, PostRoutes.AssessmentOf(2026), organizer);
        Assert.Equal((2026, 3m), (frozen.Snapshot.Year, Tally(frozen.Snapshot.Tallies, zhang).Hours));
        Assert.Empty(frozen.LateCorrections);
        Assert.Equal(live.RollUps.Community.Members, frozen.Snapshot.RollUps.Community.Members);

        // A second fire and a manual freeze change nothing; the new year cannot be frozen yet.
        await host.AdvanceAsync(TimeSpan.FromMinutes(5));
        var manual = await host.CallAsync<AssessmentView>(HttpMethod.Post, PostRoutes.FreezeOf(2026), organizer);
        Assert.Equal(frozen.Snapshot.SnapshotId, manual.Snapshot.SnapshotId);
        using var tooEarly = await host.SendAsync(HttpMethod.Post, PostRoutes.FreezeOf(2027), organizer);
        Assert.Equal((HttpStatusCode.Conflict, "year-not-over"), (tooEarly.StatusCode, await PostEndpointTests.ProblemTypeAsync(tooEarly)));

        // Li's New Year's Eve shift is recorded on 1 January: it belongs to 2026, after the freeze.
        await host.CallAsync<ShiftResponse>(HttpMethod.Post, PostRoutes.ShiftsOf(post.PostId), organizer, new ShiftRequest(li, new DateOnly(2026, 12, 31), 2m));
        var after = await host.CallAsync<AssessmentView>(HttpMethod.Get, PostRoutes.AssessmentOf(2026), organizer);
        Assert.Equal(frozen.Snapshot.SnapshotId, after.Snapshot.SnapshotId);
        Assert.Equal(0m, Tally(after.Snapshot.Tallies, li).Hours);
        var late = Assert.Single(after.LateCorrections);
        Assert.Equal((LateKind.Record, li, 4), (late.Kind, late.MemberId, late.HalfHours));
        var liNow = await host.CallAsync<AnnualTally>(HttpMethod.Get, PostRoutes.MyTally + "?year=2026", host.MemberToken(li));
        Assert.Equal(2m, liNow.Hours);
        Assert.Equal(0, (await host.CallAsync<AnnualTally>(HttpMethod.Get, PostRoutes.MyTally, host.MemberToken(li))).Posts); // 2027: the post started in 2026
    }

    [Fact]
    public async Task Tallies_need_an_organizer_of_the_community_and_a_sensible_year()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        using var asMember = await host.SendAsync(HttpMethod.Get, PostRoutes.Tallies, host.MemberToken(PostEndpointTests.ActiveMembers(1)[0]));
        Assert.Equal(HttpStatusCode.Forbidden, asMember.StatusCode);
        using var otherCommunity = await host.SendAsync(HttpMethod.Get, PostRoutes.AssessmentOf(2025), host.OrganizerToken("org-x", "elsewhere"));
        Assert.Equal(HttpStatusCode.NotFound, otherCommunity.StatusCode); // nothing frozen there; never hubin's data
        using var badYear = await host.SendAsync(HttpMethod.Get, PostRoutes.Tallies + "?year=1999", host.OrganizerToken());
        Assert.Equal((HttpStatusCode.BadRequest, "validation"), (badYear.StatusCode, await PostEndpointTests.ProblemTypeAsync(badYear)));
    }

    private static AnnualTally Tally(TallyReport report, string member) => Tally(report.Tallies, member);

    private static AnnualTally Tally(IEnumerable<AnnualTally> tallies, string member) => Assert.Single(tallies, t => t.MemberId == member);
}
