using Dispatch.App.Orders;
using Dispatch.Core.Matching;
using Dispatch.Core.Members;
using Dispatch.Storage;
using Dispatch.Testing;

namespace Dispatch.Local.Tests;

/// <summary>The local host matches and checks members against a roster its own writes vouch for, without reading
/// storage each time: what it answers must be what the members table holds, however writes and reads interleave.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class RosterCacheTests(AzuriteFixture azurite)
{
    private const string Community = "c1";

    private static Member NewMember(string id, int n) => new(
        id,
        "张建国",
        $"139{n:D8}",
        new Location(Community, "g1", "b1", "h101"),
        [ServiceCategory.Repair],
        new Availability([new WeeklySlot(DayOfWeek.Saturday, 9, 12)]),
        Active: true);

    private async Task<StorageAccount> AccountAsync()
    {
        var account = new StorageAccount(new StorageOptions { ConnectionString = azurite.ConnectionString, TablePrefix = AzuriteFixture.NewPrefix() });
        await account.EnsureCreatedAsync();
        return account;
    }

    /// <summary>A fresh store as the local host has it: member writes counted, and the roster cache those counts vouch for.</summary>
    private async Task<(StorageAccount Account, MemberStore Store, RosterCache Cache)> HostRosterAsync()
    {
        var account = await AccountAsync();
        var writes = new RosterWrites();
        var store = new MemberStore(account, writes);
        return (account, store, new RosterCache(store, writes));
    }

    private static async Task<string[]> ActiveInStorageAsync(MemberStore store) =>
        [.. (await store.ListAsync(Community)).Where(m => m.Active).Select(m => m.MemberId).Order(StringComparer.Ordinal)];

    private static string[] Held(RosterIndex roster, IEnumerable<string> ids) => [.. ids.Where(roster.Holds).Order(StringComparer.Ordinal)];

    [Fact]
    public async Task A_write_through_the_host_is_seen_at_once_and_one_behind_its_back_within_a_bounded_number_of_answers()
    {
        var (account, host, cache) = await HostRosterAsync();
        await host.AddManyAsync([NewMember("m1", 1), NewMember("m2", 2), NewMember("m3", 3)]);
        Assert.True((await cache.GetAsync(Community, default)).Holds("m1"));

        await host.UpsertAsync(NewMember("m1", 1) with { Active = false });
        Assert.Null(cache.Vouched(Community)); // the host's own write: storage is asked again
        Assert.False((await cache.GetAsync(Community, default)).Holds("m1"));

        // Another writer (not the local host's way, but it must not stay hidden): believed for a bounded number of answers.
        await new MemberStore(account).UpsertAsync(NewMember("m2", 2) with { Active = false });
        for (var i = 0; i < RosterCache.RecheckEvery; i++)
        {
            Assert.True(cache.Vouched(Community)!.Holds("m2"));
        }

        Assert.Null(cache.Vouched(Community));
        Assert.False((await cache.GetAsync(Community, default)).Holds("m2"));
        Assert.True(cache.Vouched(Community)!.Holds("m3"));
    }

    [Fact]
    public async Task Without_the_hosts_writes_nothing_is_vouched_for()
    {
        var account = await AccountAsync();
        var store = new MemberStore(account);
        var cache = new RosterCache(store);
        await store.UpsertAsync(NewMember("m1", 1));
        Assert.True((await cache.GetAsync(Community, default)).Holds("m1"));
        Assert.Null(cache.Vouched(Community));

        await store.UpsertAsync(NewMember("m1", 1) with { Active = false });
        Assert.False((await cache.GetAsync(Community, default)).Holds("m1")); // the version read sees it
    }

    [Fact]
    public async Task Reads_racing_writes_never_leave_a_vouched_roster_that_storage_contradicts()
    {
        var (_, store, cache) = await HostRosterAsync();
        string[] ids = ["m1", "m2", "m3", "m4", "m5", "m6"];
        await store.AddManyAsync([.. ids.Select((id, n) => NewMember(id, n))]);
        for (var seed = 0; seed < 5; seed++)
        {
            var random = new Random(seed);
            for (var round = 0; round < 8; round++)
            {
                // A few writes (members turned off and on) and reads, all at once.
                var tasks = new List<Task>();
                for (var k = 0; k < 4; k++)
                {
                    var n = random.Next(ids.Length);
                    var member = NewMember(ids[n], n) with { Active = random.Next(2) == 0 };
                    tasks.Add(Task.Run(() => store.UpsertAsync(member)));
                    tasks.Add(Task.Run(() => cache.GetAsync(Community, default)));
                }

                await Task.WhenAll(tasks);
                var truth = await ActiveInStorageAsync(store);
                if (cache.Vouched(Community) is { } vouched)
                {
                    Assert.Equal(truth, Held(vouched, ids));
                }

                Assert.Equal(truth, Held(await cache.GetAsync(Community, default), ids));
            }
        }
    }
}
