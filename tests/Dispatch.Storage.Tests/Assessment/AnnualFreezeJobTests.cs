using System.Collections.Immutable;
using Dispatch.Core.Assessment;
using Dispatch.Core.Hours;
using Dispatch.Core.Members;
using Dispatch.Core.Posts;
using Dispatch.Testing;

namespace Dispatch.Storage.Tests.Assessment;

public sealed class AnnualFreezeJobTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);
    private static readonly DateTimeOffset NewYear = new(2026, 1, 1, 0, 0, 0, China);

    private static ServiceRecord Record(string id, string member, int halfHours, DateOnly servedOn, string grid = "g1") => new(
        id, id, member, new Location("c1", grid, "b1"), ServiceCategory.Visit, IsWish: true, halfHours, servedOn, Sample.T0, ConfirmedBy.Resident, 5);

    private static Member Member(string id, string grid, bool active = true) =>
        new(id, id, "13900000000", new Location("c1", grid, "b1"), ImmutableHashSet<ServiceCategory>.Empty, Availability.AnyTime, active);

    private async Task<(AnnualFreezeJob Job, ServiceRecordStore Records, AssessmentStore Assessments)> SeedAsync()
    {
        var org = new OrgDirectory(Account);
        await org.UpsertCommunityAsync(new Community("c1", "一社区", "C1"));
        var members = new MemberStore(Account);
        await members.UpsertManyAsync([Member("m1", "g2"), Member("m2", "g1"), Member("m3", "g1", active: false)]);
        var records = new ServiceRecordStore(Account);
        await records.AddAsync(Record("o1", "m1", 4, new DateOnly(2025, 12, 31)));
        await records.AddAsync(Record("o2", "m3", 2, new DateOnly(2025, 5, 1)));
        await records.AddAsync(Record("o3", "m1", 2, new DateOnly(2026, 1, 1)));
        await records.AddPostClaimAsync(new PostClaim("p1", "c1", "m1", 1, 2025, Sample.T0));
        var assessments = new AssessmentStore(Account);
        return (new AnnualFreezeJob(org, members, records, assessments), records, assessments);
    }

    [Fact]
    public async Task The_past_year_freezes_once_at_new_year_however_often_the_job_fires()
    {
        var (job, _, assessments) = await SeedAsync();

        await job.RunOnceAsync(NewYear.AddSeconds(-1)); // still 2025 in China: may freeze 2024, never 2025
        Assert.Null(await assessments.GetAsync("c1", 2025));
        var frozen = Assert.Single(await job.RunOnceAsync(NewYear.AddSeconds(30)));
        Assert.Empty(await job.RunOnceAsync(NewYear.AddMinutes(1)));
        var again = new AnnualFreezeJob(new OrgDirectory(Account), new MemberStore(Account), new ServiceRecordStore(Account), assessments);
        Assert.Empty(await again.RunOnceAsync(NewYear.AddDays(3))); // a late fire from another host
        var (manual, created) = await job.FreezeAsync("c1", 2025, NewYear.AddDays(5));
        Assert.False(created);
        Assert.Equal(frozen.SnapshotId, manual.SnapshotId);
        Assert.Equal(2025, await assessments.LastFrozenYearAsync("c1"));

        var stored = (await assessments.GetAsync("c1", 2025))!.Snapshot;
        Assert.Equal(["m1", "m2", "m3"], stored.Tallies.Select(t => t.MemberId)); // m3 deactivated but served in 2025
        var m1 = stored.Tallies[0];
        Assert.Equal((4, 1, 1, "g2"), (m1.HalfHours, m1.Wishes, m1.Posts, m1.GridId));
        Assert.Equal((3, 6), (stored.RollUps.Community.Members, stored.RollUps.Community.HalfHours));
        Assert.Equal(stored.Tallies, frozen.Tallies);
    }

    [Fact]
    public async Task Concurrent_freezes_of_one_year_agree_on_one_snapshot()
    {
        var (job, _, assessments) = await SeedAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => job.FreezeAsync("c1", 2025, NewYear)));

        Assert.Single(results, r => r.Created);
        Assert.Single(results.Select(r => r.Snapshot.SnapshotId).Distinct());
        Assert.Equal(3, (await assessments.GetAsync("c1", 2025))!.Snapshot.Tallies.Count);
    }

    [Fact]
    public async Task Later_corrections_of_a_frozen_year_are_listed_against_the_snapshot_not_merged()
    {
        var (job, records, assessments) = await SeedAsync();
        var (snapshot, _) = await job.FreezeAsync("c1", 2025, NewYear);
        var original = (await records.ListForMemberAsync("c1", 2025, "m1")).Single();

        await records.AddAsync(ServiceCorrection.Correct(original, [], 1, "复核为半小时", NewYear.AddDays(10)));
        await records.AddAsync(Record("o9", "m2", 3, new DateOnly(2025, 12, 31)) with { ConfirmedAt = NewYear.AddDays(1) });

        var view = (await assessments.ViewAsync("c1", 2025, records))!;
        Assert.Equal(snapshot.SnapshotId, view.Snapshot.SnapshotId);
        Assert.Equal(4, view.Snapshot.Tallies.Single(t => t.MemberId == "m1").HalfHours);
        Assert.Equal(
            [(LateKind.Record, "m2", "o9", 3), (LateKind.Correction, "m1", "o1~c1", -3)],
            view.LateCorrections.Select(l => (l.Kind, l.MemberId, l.EntryId, l.HalfHours)));
        Assert.Null(await assessments.ViewAsync("c1", 2024, records));
    }
}
