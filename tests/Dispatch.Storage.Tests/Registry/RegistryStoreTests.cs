using System.Collections.Immutable;
using Dispatch.Core.Members;
using Dispatch.Core.Registry;
using Dispatch.Testing;

namespace Dispatch.Storage.Tests.Registry;

/// <summary>The registry on Azurite: one member per phone and community, even under racing adds; phone changes
/// move the claim; registrations register a phone once and keep their decisions.</summary>
public sealed class RegistryStoreTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    private static Member Zhang(string id, string phone = "13912345678", string community = "c1") => new(
        id, "张建国", phone, new Location(community, "g1", "b1"), [ServiceCategory.Repair], Availability.AnyTime);

    [Fact]
    public async Task Twenty_racing_adds_of_one_phone_make_one_member_and_every_answer_names_it()
    {
        var store = new MemberStore(Account);

        var adds = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => store.AddAsync(Zhang($"m-{i:D2}"))));

        var added = Assert.Single(adds, a => a.Added);
        Assert.All(adds, a => Assert.Equal(added.Member.MemberId, a.Member.MemberId));
        Assert.Equal([added.Member.MemberId], (await store.ListAsync("c1")).Select(m => m.MemberId));
        Assert.True((await store.AddAsync(Zhang("m-x", community: "c2"))).Added); // another community is another registry
    }

    [Fact]
    public async Task Adding_many_in_transactions_skips_phones_already_taken_and_adds_the_rest()
    {
        var store = new MemberStore(Account);
        await store.AddAsync(Zhang("m-old", "13900000007"));
        var batch = Enumerable.Range(0, 120).Select(i => Zhang($"m-{i:D3}", (13900000000L + i).ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();

        Assert.Equal(119, await store.AddManyAsync(batch));
        Assert.Equal(0, await store.AddManyAsync(batch));
        var list = await store.ListAsync("c1");
        Assert.Equal(120, list.Count);
        Assert.Equal("m-old", Assert.Single(list, m => m.Phone == "13900000007").MemberId);
    }

    [Fact]
    public async Task A_changed_phone_frees_the_old_one_and_a_taken_phone_is_refused_with_its_holder()
    {
        var store = new MemberStore(Account);
        await store.AddAsync(Zhang("m-a", "13900000001"));
        await store.AddAsync(Zhang("m-b", "13900000002"));

        Assert.Equal("m-b", (await store.ReplaceAsync(Zhang("m-a", "13900000002")))?.MemberId);
        Assert.Equal("13900000001", (await store.GetAsync("c1", "m-a"))!.Phone);

        Assert.Null(await store.ReplaceAsync(Zhang("m-a", "13900000003") with { Name = "张建军" }));
        Assert.Equal("张建军", (await store.FindByPhoneAsync("c1", "13900000003"))?.Name);
        Assert.Null(await store.FindByPhoneAsync("c1", "13900000001"));
        Assert.True((await store.AddAsync(Zhang("m-c", "13900000001"))).Added);
        Assert.Equal(["m-a", "m-b", "m-c"], (await store.ListAsync("c1")).Select(m => m.MemberId));
    }

    [Fact]
    public async Task A_phone_row_left_by_an_upsert_that_changed_the_phone_does_not_block_a_new_member()
    {
        var store = new MemberStore(Account);
        await store.UpsertManyAsync([Zhang("m001", "13900000001")]);
        await store.UpsertAsync(Zhang("m001", "13900000009"));

        Assert.Null(await store.FindByPhoneAsync("c1", "13900000001"));
        Assert.True((await store.AddAsync(Zhang("m-new", "13900000001"))).Added);
        Assert.Equal("m001", (await store.AddAsync(Zhang("m-dup", "13900000009"))).Member.MemberId);
    }

    [Fact]
    public async Task A_phone_registers_once_a_decision_needs_the_current_etag_and_a_rejected_phone_may_register_again()
    {
        var store = new RegistrationStore(Account);
        var details = new MemberDetails("李静", "13800000001", new Location("c1", "g1", "b1"), [ServiceCategory.Tutoring], Availability.AnyTime);
        var first = await store.SubmitAsync(new Registration("r-1", details, "亮承诺", RegistrationStatus.Pending, Sample.T0));
        var again = await store.SubmitAsync(new Registration("r-2", details, null, RegistrationStatus.Pending, Sample.T0.AddMinutes(1)));

        Assert.True(first.Created);
        Assert.Equal((false, "r-1", "亮承诺"), (again.Created, again.Registration.RegistrationId, again.Registration.Pledge));
        var stored = (await store.GetAsync("c1", "r-1"))!;
        var rejected = RegistrationRules.Reject(stored.Registration, "网格不对", "org", Sample.T0)!;
        Assert.True(await store.TryReplaceAsync(stored with { Registration = rejected }));
        Assert.False(await store.TryReplaceAsync(stored with { Registration = RegistrationRules.Approve(stored.Registration, "m-1", "org", Sample.T0)! }));
        Assert.Equal(("网格不对", RegistrationStatus.Rejected), ((await store.GetAsync("c1", "r-1"))!.Registration.Reason, (await store.ListAsync("c1", null))[0].Status));

        var reopened = await store.SubmitAsync(new Registration("r-3", details with { Home = new Location("c1", "g2", "b4") }, null, RegistrationStatus.Pending, Sample.T0.AddDays(1)));
        Assert.Equal((true, "r-1", RegistrationStatus.Pending, "g2"), (reopened.Created, reopened.Registration.RegistrationId, reopened.Registration.Status, reopened.Registration.Details.Home.GridId));
        Assert.Single(await store.ListAsync("c1", RegistrationStatus.Pending));
        Assert.Empty(await store.ListAsync("c1", RegistrationStatus.Rejected));
        Assert.Equal(ImmutableArray<WeeklySlot>.Empty, (await store.GetAsync("c1", "r-1"))!.Registration.Details.Availability.Slots);
    }
}
