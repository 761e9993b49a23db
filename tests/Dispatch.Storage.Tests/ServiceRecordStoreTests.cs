using Azure.Data.Tables;
using Dispatch.Core.Hours;
using Dispatch.Core.Members;
using Dispatch.Testing;

namespace Dispatch.Storage.Tests;

public sealed class ServiceRecordStoreTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    private static ServiceRecord Record(
        string recordId,
        string memberId = "m1",
        string community = "c1",
        int halfHours = 3,
        DateOnly? servedOn = null,
        bool wish = false,
        int? rating = null) => new(
        recordId,
        recordId,
        memberId,
        new Location(community, "g1", "b2"),
        ServiceCategory.ElderCare,
        wish,
        halfHours,
        servedOn ?? new DateOnly(2025, 5, 6),
        Sample.T0,
        ConfirmedBy.Resident,
        rating);

    [Fact]
    public async Task A_record_added_twice_is_credited_once()
    {
        var store = new ServiceRecordStore(Account);
        var record = Record("o1", rating: 4);

        Assert.True(await store.AddAsync(record));
        Assert.False(await store.AddAsync(record));
        Assert.False(await store.AddAsync(record with { HalfHours = 20 }));

        var tally = await store.GetTallyAsync("c1", 2025, "m1");
        Assert.Equal(new MemberTally("c1", 2025, "m1", 3, 1, 0, 4, 1), tally);
        var stored = Assert.Single(await store.ListForMemberAsync("c1", 2025, "m1"));
        Assert.Equal(record, stored);
    }

    [Fact]
    public async Task Records_added_at_once_for_one_member_year_all_reach_the_tally_once()
    {
        // Two confirms of one member's orders can land together (a resident's and the organizer's, or the auto-confirm):
        // the tally's If-Match inside the batch makes the later one re-read, so no credit is lost and none doubled.
        var store = new ServiceRecordStore(Account);
        for (var round = 0; round < 5; round++)
        {
            var member = $"m{round}";
            var records = Enumerable.Range(0, 6).Select(i => Record($"o{round}-{i}", member, halfHours: i + 1)).ToList();
            var adds = records.Concat(records.Take(2)) // two of them twice, as a retried follow-up does
                .Select(r => Task.Run(() => store.AddAsync(r))).ToList();
            var added = await Task.WhenAll(adds);

            Assert.Equal(records.Count, added.Count(a => a));
            var tally = await store.GetTallyAsync("c1", 2025, member);
            Assert.Equal((records.Count, records.Sum(r => r.HalfHours)), (tally!.Services, tally.HalfHours));
        }
    }

    [Fact]
    public async Task Tally_totals_hours_services_wishes_and_ratings()
    {
        var store = new ServiceRecordStore(Account);
        var first = Record("o1", halfHours: 3, rating: 5);
        await store.AddAsync(first);
        await store.AddAsync(Record("o2", halfHours: 4, wish: true));
        await store.AddAsync(Record("o3", halfHours: 1, rating: 3));
        var correction = ServiceCorrection.Correct(first, [], 5, "实际服务 2.5 小时", Sample.T0.AddDays(1));
        Assert.True(await store.AddAsync(correction));

        var tally = await store.GetTallyAsync("c1", 2025, "m1");

        Assert.NotNull(tally);
        Assert.Equal(3 + 4 + 1 + 2, tally.HalfHours);
        Assert.Equal(5m, tally.Hours);
        Assert.Equal(3, tally.Services);
        Assert.Equal(1, tally.Wishes);
        Assert.Equal(8, tally.RatingSum);
        Assert.Equal(2, tally.RatingCount);
        Assert.Equal(4m, tally.AverageRating);
        Assert.Equal(["o1", "o1~c1", "o2", "o3"], (await store.ListForMemberAsync("c1", 2025, "m1")).Select(r => r.RecordId));
    }

    [Fact]
    public async Task Tallies_of_a_community_year_exclude_other_communities_and_years()
    {
        var store = new ServiceRecordStore(Account);
        await store.AddAsync(Record("o1", "m1", "c1"));
        await store.AddAsync(Record("o2", "m2", "c1", halfHours: 2));
        await store.AddAsync(Record("o3", "m2", "c1", halfHours: 2));
        await store.AddAsync(Record("o4", "m3", "c10"));
        await store.AddAsync(Record("o5", "m4", "c"));
        await store.AddAsync(Record("o6", "m1", "c1", servedOn: new DateOnly(2024, 12, 31)));
        await store.AddAsync(Record("o7", "m1", "c1", servedOn: new DateOnly(2026, 1, 1)));

        var tallies = await store.TalliesAsync("c1", 2025);

        Assert.Equal(["m1", "m2"], tallies.Select(t => t.MemberId));
        Assert.Equal([3, 4], tallies.Select(t => t.HalfHours));
        Assert.Equal([1, 2], tallies.Select(t => t.Services));
        Assert.Single(await store.TalliesAsync("c1", 2024));
        Assert.Single(await store.TalliesAsync("c10", 2025));
        Assert.Empty(await store.TalliesAsync("c2", 2025));
    }

    [Fact]
    public async Task Records_and_tally_share_one_member_year_partition_in_their_communitys_own_table()
    {
        var store = new ServiceRecordStore(Account);
        await store.AddAsync(Record("o1"));
        await store.AddAsync(Record("o2", community: "c2"));

        var rows = Account.Table(ServiceRecordStore.TableOf("c1")).Query<TableEntity>().ToList();
        Assert.All(rows, r => Assert.Equal("c1|2025|m1", r.PartitionKey));
        Assert.Equal(["r|o1", "tally"], rows.Select(r => r.RowKey));
        var other = Account.Table(ServiceRecordStore.TableOf("c2")).Query<TableEntity>().ToList();
        Assert.Equal(["c2|2025|m1"], other.Select(r => r.PartitionKey).Distinct());
        Assert.NotEqual(ServiceRecordStore.TableOf("c1"), ServiceRecordStore.TableOf("c2"));
    }

    [Fact]
    public async Task A_community_with_no_record_reads_as_empty_and_gets_no_table()
    {
        var store = new ServiceRecordStore(Account);

        Assert.Empty(await store.TalliesAsync("c9", 2025));
        Assert.Empty((await store.EntriesAsync("c9", 2025)).Records);
        Assert.Empty(await store.ListForMemberAsync("c9", 2025, "m1"));
        Assert.Null(await store.GetTallyAsync("c9", 2025, "m1"));

        Assert.DoesNotContain(Account.TableName(ServiceRecordStore.TableOf("c9")), Tables());
    }

    [Fact]
    public async Task Records_in_the_table_every_community_once_shared_are_moved_to_their_own_before_anything_is_served()
    {
        // The shared table as the earlier layout wrote it: c1's m1 and m2, c2's m1, with their tallies.
        var shared = Account.Table(TableNames.Records);
        await shared.CreateIfNotExistsAsync();
        var before = new[]
        {
            Enumerable.Range(0, 150).Select(i => Record($"a{i:D3}", "m1", halfHours: 1 + (i % 4))).ToList(),
            [Record("b1", "m2", halfHours: 5)],
            [Record("c1", "m1", community: "c2", halfHours: 2, rating: 5)],
        };
        foreach (var memberYear in before)
        {
            var rows = ServiceRecordStore.MemberYearRows(memberYear);
            foreach (var chunk in rows.Chunk(100))
            {
                await shared.SubmitTransactionAsync(chunk.Select(r => new TableTransactionAction(TableTransactionActionType.Add, r)));
            }
        }

        // An earlier pass was cut short after copying one row: it is not copied twice, nor does it stop the rest.
        var own = Account.Table(ServiceRecordStore.TableOf("c1"));
        await own.CreateIfNotExistsAsync();
        await own.AddEntityAsync(ServiceRecordStore.MemberYearRows(before[0])[0]);

        // Two instances start at once; each answers only after the move.
        var first = new ServiceRecordStore(Account);
        var second = new ServiceRecordStore(Account);
        var answers = await Task.WhenAll(first.TalliesAsync("c1", 2025), second.TalliesAsync("c1", 2025));

        foreach (var tallies in answers)
        {
            Assert.Equal(["m1", "m2"], tallies.Select(t => t.MemberId));
            Assert.Equal([before[0].Sum(r => r.HalfHours), 5], tallies.Select(t => t.HalfHours));
            Assert.Equal([150, 1], tallies.Select(t => t.Services));
        }

        Assert.Equal(150, (await second.ListForMemberAsync("c1", 2025, "m1")).Count);
        var c2 = Assert.Single((await first.EntriesAsync("c2", 2025)).Records);
        Assert.Equal(before[2][0], c2);
        Assert.DoesNotContain(Account.TableName(TableNames.Records), Tables());

        // Credits go on from the moved tally, and a moved record is still credited once.
        Assert.True(await first.AddAsync(Record("a150", "m1", halfHours: 4)));
        Assert.False(await second.AddAsync(before[0][7]));
        var tally = await new ServiceRecordStore(Account).GetTallyAsync("c1", 2025, "m1");
        Assert.Equal((before[0].Sum(r => r.HalfHours) + 4, 151), (tally!.HalfHours, tally.Services));
    }

    private List<string> Tables() =>
        Account.Tables.Query(TableClient.CreateQueryFilter($"TableName ge {Account.Options.TablePrefix}"))
            .Select(t => t.Name)
            .Where(n => n.StartsWith(Account.Options.TablePrefix, StringComparison.Ordinal))
            .ToList();
}
