using System.Collections.Immutable;
using Dispatch.Core.Members;
using Dispatch.Testing;

namespace Dispatch.Storage.Tests;

public sealed class MemberStoreTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    private static Member NewMember(string id, string community = "c1", ImmutableHashSet<string>? households = null) => new(
        id,
        "张建国",
        "13912345678",
        new Location(community, "g2", "b7", "h701"),
        [ServiceCategory.Repair, ServiceCategory.ElderCare],
        new Availability([new WeeklySlot(DayOfWeek.Saturday, 9, 12), new WeeklySlot(DayOfWeek.Wednesday, 18, 21)]),
        Active: true,
        households);

    private static void AssertSame(Member expected, Member actual)
    {
        Assert.Equal(expected.MemberId, actual.MemberId);
        Assert.Equal(expected.Name, actual.Name);
        Assert.Equal(expected.Phone, actual.Phone);
        Assert.Equal(expected.Home, actual.Home);
        Assert.Equal(expected.Active, actual.Active);
        Assert.True(expected.Skills.SetEquals(actual.Skills));
        Assert.Equal(expected.Availability.Slots.ToArray(), actual.Availability.Slots.ToArray());
        Assert.True(expected.Households.SetEquals(actual.Households));
        Assert.Equal(expected.LinkedHouseholds is null, actual.LinkedHouseholds is null);
    }

    [Fact]
    public async Task Member_round_trips_skills_availability_and_households()
    {
        var store = new MemberStore(Account);
        var member = NewMember("m1", households: ["h101", "h102", "h305"]);

        await store.UpsertAsync(member);
        var got = await store.GetAsync("c1", "m1");

        Assert.NotNull(got);
        AssertSame(member, got);
        Assert.Null(await store.GetAsync("c2", "m1"));
    }

    [Fact]
    public async Task Member_without_households_or_slots_round_trips()
    {
        var store = new MemberStore(Account);
        var member = NewMember("m2") with { Availability = Availability.AnyTime, Skills = [], Active = false };

        await store.UpsertAsync(member);
        var got = await store.GetAsync("c1", "m2");

        AssertSame(member, got!);
        Assert.True(got!.Availability.IsAvailableAt(Sample.T0));
    }

    [Fact]
    public async Task Upsert_replaces_and_list_is_per_community()
    {
        var store = new MemberStore(Account);
        await store.UpsertAsync(NewMember("m1"));
        await store.UpsertAsync(NewMember("m1") with { Skills = [ServiceCategory.Legal] });
        await store.UpsertAsync(NewMember("m2"));
        await store.UpsertAsync(NewMember("m3", "c2"));

        var c1 = await store.ListAsync("c1");

        Assert.Equal(["m1", "m2"], c1.Select(m => m.MemberId));
        Assert.Equal([ServiceCategory.Legal], c1[0].Skills);
        Assert.Single(await store.ListAsync("c2"));
    }

    [Fact]
    public async Task Upsert_many_writes_batches_across_communities()
    {
        var store = new MemberStore(Account);
        var members = Enumerable.Range(0, 250).Select(i => NewMember($"m{i:D3}", i % 5 == 0 ? "c2" : "c1")).ToList();

        await store.UpsertManyAsync(members);
        await store.UpsertManyAsync(members.Take(10)); // again: idempotent

        Assert.Equal(200, (await store.ListAsync("c1")).Count);
        var c2 = await store.ListAsync("c2");
        Assert.Equal(50, c2.Count);
        AssertSame(members[0], c2[0]);
    }

    [Fact]
    public async Task Every_kind_of_member_write_gives_the_community_a_new_roster_version_and_lists_skip_it()
    {
        var store = new MemberStore(Account);
        Assert.Null(await store.GetVersionAsync("c1"));
        var seen = new List<string?>();
        async Task Step(Func<Task> write)
        {
            await write();
            var version = await store.GetVersionAsync("c1");
            Assert.NotNull(version);
            Assert.DoesNotContain(version, seen);
            seen.Add(version);
        }

        await Step(() => store.UpsertAsync(NewMember("m1")));
        await Step(() => store.AddAsync(NewMember("m2") with { Phone = "13912340002" }));
        await Step(() => store.AddManyAsync([.. Enumerable.Range(10, 120).Select(i => NewMember($"m{i}") with { Phone = $"139123{i:D5}" })]));
        await Step(() => store.ReplaceAsync(NewMember("m1") with { Name = "李秀英", Phone = "13912340001" }));
        await Step(() => store.UpsertManyAsync(Enumerable.Range(200, 150).Select(i => NewMember($"m{i}") with { Phone = $"139123{i:D5}" })));
        Assert.Null(await store.GetVersionAsync("c2"));

        var listed = await store.ListAsync("c1");
        Assert.Equal(2 + 120 + 150, listed.Count);
        Assert.DoesNotContain(listed, m => m.MemberId.StartsWith('~'));
    }
}
