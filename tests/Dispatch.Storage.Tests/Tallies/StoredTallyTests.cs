using Dispatch.Core.Hours;
using Dispatch.Core.Members;
using Dispatch.Core.Posts;
using Dispatch.Core.Tallies;
using Dispatch.Testing;

namespace Dispatch.Storage.Tests.Tallies;

/// <summary>The tally rows written with each record and claim must equal a recomputation from the stored
/// records and claims.</summary>
public sealed class StoredTallyTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    private static readonly DateOnly[] Dates = [new(2024, 12, 31), new(2025, 1, 1), new(2025, 7, 1), new(2025, 12, 31), new(2026, 1, 1)];

    [Fact]
    public async Task Stored_tally_rows_equal_the_recomputation_from_stored_entries()
    {
        var store = new ServiceRecordStore(Account);
        var random = new Random(20250101);
        var members = Enumerable.Range(1, 6).Select(i => $"m{i}").ToArray();
        var written = new List<ServiceRecord>();

        // Members in parallel (each member-year is its own partition), each member's entries in order.
        await Task.WhenAll(members.Select(async member =>
        {
            var mine = new List<ServiceRecord>();
            for (var i = 0; i < 12; i++)
            {
                int? rating;
                lock (random)
                {
                    rating = random.Next(6) is var r and > 0 ? r : null;
                }

                var record = new ServiceRecord($"{member}-o{i % 9}", $"{member}-o{i % 9}", member, new Location("c1", "g1", "b1"),
                    ServiceCategory.Visit, i % 3 == 0, 1 + (i * 7 % 24), Dates[i % Dates.Length], Sample.T0, ConfirmedBy.Resident, rating);
                await store.AddAsync(record); // i ≥ 9 repeats an id: credited once
                if (i % 4 == 1 && mine.FirstOrDefault(m => m.RecordId == record.RecordId) is null)
                {
                    mine.Add(record);
                    var correction = ServiceCorrection.Correct(record, [], record.HalfHours == 0 ? 2 : 0, "核实", Sample.T0);
                    await store.AddAsync(correction);
                    await store.AddAsync(correction);
                }
            }

            foreach (var (post, year) in new[] { ("p1", 2025), ("p2", 2025), ("p1", 2025), ("p3", 2026) })
            {
                await store.AddPostClaimAsync(new PostClaim(post, "c1", member, 1, year, Sample.T0));
            }

            lock (written)
            {
                written.AddRange(mine);
            }
        }));

        foreach (var year in new[] { 2024, 2025, 2026 })
        {
            var entries = await store.EntriesAsync("c1", year);
            var recomputed = TallyCalculator.FromRecords(entries.Records, entries.Claims, year, PointsRules.Default)
                .Select(t => (t.MemberId, t.Counts));
            var stored = (await store.TalliesAsync("c1", year)).Select(t => (t.MemberId, t.Counts));
            Assert.Equal(recomputed, stored);
        }

        var m1 = await store.GetTallyAsync("c1", 2025, "m1");
        Assert.Equal(2, m1!.Posts);
        Assert.Equal(1, (await store.GetTallyAsync("c1", 2026, "m1"))!.Posts);
    }

    [Fact]
    public async Task A_post_claim_is_credited_once_in_the_year_of_the_post()
    {
        var store = new ServiceRecordStore(Account);
        var claim = new PostClaim("p1", "c1", "m1", 3, 2025, Sample.T0);

        Assert.True(await store.AddPostClaimAsync(claim));
        Assert.False(await store.AddPostClaimAsync(claim with { Place = 4 }));

        Assert.Equal(1, (await store.GetTallyAsync("c1", 2025, "m1"))!.Posts);
        Assert.Equal(claim, Assert.Single((await store.EntriesAsync("c1", 2025)).Claims));
        Assert.Empty(await store.ListForMemberAsync("c1", 2025, "m1"));
    }
}
