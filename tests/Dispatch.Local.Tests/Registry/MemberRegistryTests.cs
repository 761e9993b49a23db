using System.Net;
using System.Net.Http.Json;
using Dispatch.Core.Api;
using Dispatch.Testing;
using static Dispatch.Local.Tests.Registry.RegistryTestData;

namespace Dispatch.Local.Tests.Registry;

/// <summary>Organizers manage their community's members over HTTP: add (keyed by phone), edit, deactivate and
/// reactivate, with field errors; and what deactivation means for offers, acceptances and claims.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class MemberRegistryTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task An_added_member_is_listed_and_adding_the_same_phone_again_answers_409_with_the_existing_id()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        var organizer = host.OrganizerToken();

        using var created = await host.SendAsync(HttpMethod.Post, RegistryRoutes.Members, organizer, Tutor(phone: "135 0000 0001"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var member = (await created.Content.ReadFromJsonAsync<MemberRecordView>())!;
        Assert.Equal(("赵老师", "13500000001", true, RegistryRoutes.MemberOf(member.MemberId)), (member.Name, member.Phone, member.Active, created.Headers.Location?.OriginalString));

        using var again = await host.SendAsync(HttpMethod.Post, RegistryRoutes.Members, organizer, Tutor(name: "赵老师（重复）"));
        var problem = await ProblemAsync(again, HttpStatusCode.Conflict, "member-exists");
        Assert.Equal(member.MemberId, problem.GetProperty("existingId").GetString());

        var list = await host.CallAsync<OrganizerMemberView[]>(HttpMethod.Get, Routes.OrganizerMembers, organizer);
        var listed = Assert.Single(list, m => m.Phone == "13500000001");
        Assert.Equal((member.MemberId, "赵老师", "b1"), (listed.MemberId, listed.Name, listed.BuildingId));
        Assert.Equal(["Tutoring"], listed.Skills);
        Assert.Equal(51, list.Length);
    }

    [Fact]
    public async Task Bad_fields_are_named_in_chinese_and_english_and_nothing_is_stored()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);

        using var bad = await host.SendAsync(HttpMethod.Post, RegistryRoutes.Members, host.OrganizerToken(),
            new MemberRequest("张\u202E三", "0510-1234567", "g1", "b4", ["Tutoring", "tutoring"], [new SlotRequest("Someday", 9, 8)]));
        var errors = (await ProblemAsync(bad, HttpStatusCode.BadRequest, "validation")).GetProperty("errors");

        Assert.Equal(["availability", "buildingId", "name", "phone", "skills"], errors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Contains("11 位手机号码", errors.GetProperty("phone")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(50, (await host.CallAsync<OrganizerMemberView[]>(HttpMethod.Get, Routes.OrganizerMembers, host.OrganizerToken())).Length);
    }

    [Fact]
    public async Task An_edit_replaces_the_details_a_taken_phone_is_refused_and_another_communitys_organizer_cannot_see_the_member()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        var organizer = host.OrganizerToken();
        var member = await host.CallAsync<MemberRecordView>(HttpMethod.Post, RegistryRoutes.Members, organizer, Tutor());

        var edited = await host.CallAsync<MemberRecordView>(HttpMethod.Put, RegistryRoutes.MemberOf(member.MemberId), organizer,
            new MemberRequest("赵明", "13500000002", "g2", "b4", ["Legal", "Repair"], [new SlotRequest("Sunday", 8, 12)]));
        Assert.Equal(("赵明", "13500000002", "g2", "b4"), (edited.Name, edited.Phone, edited.GridId, edited.BuildingId));
        Assert.Equal([new SlotView("Sunday", 8, 12)], edited.Availability);

        // m001's demo phone is 13900000001.
        using var taken = await host.SendAsync(HttpMethod.Put, RegistryRoutes.MemberOf(member.MemberId), organizer, Tutor(phone: "13900000001"));
        Assert.Equal("m001", (await ProblemAsync(taken, HttpStatusCode.Conflict, "phone-taken")).GetProperty("existingId").GetString());

        using var elsewhere = await host.SendAsync(HttpMethod.Put, RegistryRoutes.MemberOf(member.MemberId), host.OrganizerToken("org-x", "other"), Tutor());
        await ProblemAsync(elsewhere, HttpStatusCode.NotFound, "not-found");
        using var asMember = await host.SendAsync(HttpMethod.Post, RegistryRoutes.Members, host.MemberToken("m001"), Tutor(phone: "13500000009"));
        await ProblemAsync(asMember, HttpStatusCode.Forbidden, "token-wrongrole");

        var listed = Assert.Single(await host.CallAsync<OrganizerMemberView[]>(HttpMethod.Get, Routes.OrganizerMembers, organizer), m => m.MemberId == member.MemberId);
        Assert.Equal(("赵明", "13500000002"), (listed.Name, listed.Phone!));
        Assert.Equal(["Legal", "Repair"], listed.Skills);
    }

    [Fact]
    public async Task A_member_deactivated_through_the_route_gets_no_offer_cannot_accept_or_claim_and_works_again_once_reactivated()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        var organizer = host.OrganizerToken();
        var tutor = await host.CallAsync<MemberRecordView>(HttpMethod.Post, RegistryRoutes.Members, organizer, Tutor());
        var first = await host.PlaceAsync(TutoringInB1());
        Assert.Equal(tutor.MemberId, (await host.OpenOrderAsync(first.OrderId)).OfferedTo); // the closest tutor, matched at once

        var off = await host.CallAsync<MemberRecordView>(HttpMethod.Put, RegistryRoutes.MemberActiveOf(tutor.MemberId), organizer, new ActiveRequest(false));
        Assert.False(off.Active);
        Assert.False((await host.CallAsync<MemberRecordView>(HttpMethod.Put, RegistryRoutes.MemberActiveOf(tutor.MemberId), organizer, new ActiveRequest(false))).Active);

        using var accept = await host.SendAsync(HttpMethod.Post, LocalHostFixture.RouteOf(Routes.Accept, first.OrderId), host.MemberToken(tutor.MemberId));
        await ProblemAsync(accept, HttpStatusCode.Forbidden, "member-inactive");
        var second = await host.PlaceAsync(TutoringInB1());
        Assert.NotEqual(tutor.MemberId, (await host.OpenOrderAsync(second.OrderId)).OfferedTo);
        var wish = await host.PlaceAsync(LocalHostFixture.Form(kind: "Wish", category: "Tutoring", urgent: false));
        using var claim = await host.SendAsync(HttpMethod.Post, LocalHostFixture.RouteOf(Routes.Claim, wish.OrderId), host.MemberToken(tutor.MemberId));
        await ProblemAsync(claim, HttpStatusCode.Forbidden, "member-inactive");
        Assert.False(Assert.Single(await host.CallAsync<OrganizerMemberView[]>(HttpMethod.Get, Routes.OrganizerMembers, organizer), m => m.MemberId == tutor.MemberId).Active);

        await host.CallAsync<MemberRecordView>(HttpMethod.Put, RegistryRoutes.MemberActiveOf(tutor.MemberId), organizer, new ActiveRequest(true));
        var third = await host.PlaceAsync(TutoringInB1());
        Assert.Equal(tutor.MemberId, (await host.OpenOrderAsync(third.OrderId)).OfferedTo);
        await host.CallAsync<MemberOrderView>(HttpMethod.Post, LocalHostFixture.RouteOf(Routes.Accept, third.OrderId), host.MemberToken(tutor.MemberId));
    }

    [Fact]
    public async Task Deactivating_needs_an_explicit_flag()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);

        using var missing = await host.SendAsync(HttpMethod.Put, RegistryRoutes.MemberActiveOf("m001"), host.OrganizerToken(), new { });
        Assert.Contains("active", (await ProblemAsync(missing, HttpStatusCode.BadRequest, "validation")).GetProperty("errors").EnumerateObject().Select(p => p.Name));
        using var unknown = await host.SendAsync(HttpMethod.Put, RegistryRoutes.MemberActiveOf("m999"), host.OrganizerToken(), new ActiveRequest(false));
        await ProblemAsync(unknown, HttpStatusCode.NotFound, "not-found");
    }
}
