using System.Net;
using System.Net.Http.Json;
using Dispatch.Core.Api;
using Dispatch.Testing;
using static Dispatch.Local.Tests.Registry.RegistryTestData;

namespace Dispatch.Local.Tests.Registry;

/// <summary>Self-registration (在职党员报到) over HTTP: the community's registration link, the pending list, approval
/// (the member is matched at once), rejection with a reason the applicant reads, and repeats that change nothing.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class RegistrationTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_registration_waits_for_approval_then_the_member_is_listed_and_offered_work_at_once()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        var link = host.Links.RegistrationToken(LocalHostFixture.CommunityId);
        var organizer = host.OrganizerToken();

        var form = await host.CallAsync<CommunityView>(HttpMethod.Get, RegistryRoutes.Register, link);
        Assert.Equal(("湖滨社区", 4), (form.NameZh, form.Grids.Count));
        using var submitted = await host.SendAsync(HttpMethod.Post, RegistryRoutes.Register, link, Applicant());
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var receipt = (await submitted.Content.ReadFromJsonAsync<RegistrationReceipt>())!;
        Assert.Contains("/register.html?r=" + receipt.RegistrationId, receipt.StatusUrl, StringComparison.Ordinal);

        // Sending the form again (a double tap) answers the same registration.
        using var twice = await host.SendAsync(HttpMethod.Post, RegistryRoutes.Register, link, Applicant());
        Assert.Equal((HttpStatusCode.OK, receipt.RegistrationId), (twice.StatusCode, (await twice.Content.ReadFromJsonAsync<RegistrationReceipt>())!.RegistrationId));

        var status = await host.CallAsync<RegistrationStatusView>(HttpMethod.Get, RegistryRoutes.RegistrationOf(receipt.RegistrationId), receipt.Token);
        Assert.Equal(("Pending", "钱红"), (status.Status, status.Name));
        var pending = Assert.Single(await host.CallAsync<RegistrationView[]>(HttpMethod.Get, RegistryRoutes.Registrations + "?status=Pending", organizer));
        Assert.Equal(("13600000001", "每月辅导社区孩子两次。"), (pending.Phone, pending.Pledge));
        Assert.DoesNotContain(await host.CallAsync<OrganizerMemberView[]>(HttpMethod.Get, Routes.OrganizerMembers, organizer), m => m.Phone == "13600000001");

        var approved = await host.CallAsync<RegistrationView>(HttpMethod.Post, RegistryRoutes.ApproveOf(receipt.RegistrationId), organizer);
        var again = await host.CallAsync<RegistrationView>(HttpMethod.Post, RegistryRoutes.ApproveOf(receipt.RegistrationId), host.OrganizerToken("org-li"));
        Assert.Equal(("Approved", approved.MemberId, approved.DecidedAt), (again.Status, again.MemberId, again.DecidedAt));
        var members = await host.CallAsync<OrganizerMemberView[]>(HttpMethod.Get, Routes.OrganizerMembers, organizer);
        Assert.Equal(51, members.Length);
        Assert.True(Assert.Single(members, m => m.Phone == "13600000001").Active);
        Assert.Equal("Approved", (await host.CallAsync<RegistrationStatusView>(HttpMethod.Get, RegistryRoutes.RegistrationOf(receipt.RegistrationId), receipt.Token)).Status);

        var order = await host.PlaceAsync(TutoringInB1());
        Assert.Equal(approved.MemberId, (await host.OpenOrderAsync(order.OrderId)).OfferedTo);
        using var already = await host.SendAsync(HttpMethod.Post, RegistryRoutes.Register, link, Applicant());
        await ProblemAsync(already, HttpStatusCode.Conflict, "member-exists");
    }

    [Fact]
    public async Task A_rejection_keeps_its_reason_for_the_applicant_and_cannot_be_turned_into_an_approval()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        var link = host.Links.RegistrationToken(LocalHostFixture.CommunityId);
        var organizer = host.OrganizerToken();
        var receipt = await host.CallAsync<RegistrationReceipt>(HttpMethod.Post, RegistryRoutes.Register, link, Applicant());

        using var noReason = await host.SendAsync(HttpMethod.Post, RegistryRoutes.RejectOf(receipt.RegistrationId), organizer, new RejectRequest(" "));
        await ProblemAsync(noReason, HttpStatusCode.BadRequest, "validation");
        var rejected = await host.CallAsync<RegistrationView>(HttpMethod.Post, RegistryRoutes.RejectOf(receipt.RegistrationId), organizer, new RejectRequest("请先到社区党委核实组织关系。"));
        Assert.Equal("Rejected", rejected.Status);
        using var approve = await host.SendAsync(HttpMethod.Post, RegistryRoutes.ApproveOf(receipt.RegistrationId), organizer);
        await ProblemAsync(approve, HttpStatusCode.Conflict, "registration-decided");

        var status = await host.CallAsync<RegistrationStatusView>(HttpMethod.Get, RegistryRoutes.RegistrationOf(receipt.RegistrationId), receipt.Token);
        Assert.Equal(("Rejected", "请先到社区党委核实组织关系。"), (status.Status, status.Reason!));
        Assert.Equal(50, (await host.CallAsync<OrganizerMemberView[]>(HttpMethod.Get, Routes.OrganizerMembers, organizer)).Length);
        Assert.Empty(await host.CallAsync<RegistrationView[]>(HttpMethod.Get, RegistryRoutes.Registrations + "?status=Pending", organizer));
    }

    [Fact]
    public async Task Links_only_open_what_they_are_for()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        var link = host.Links.RegistrationToken(LocalHostFixture.CommunityId);
        var receipt = await host.CallAsync<RegistrationReceipt>(HttpMethod.Post, RegistryRoutes.Register, link, Applicant());
        var other = await host.CallAsync<RegistrationReceipt>(HttpMethod.Post, RegistryRoutes.Register, link, Applicant("13600000002", "孙丽"));

        using var byOrganizer = await host.SendAsync(HttpMethod.Post, RegistryRoutes.Register, host.OrganizerToken(), Applicant("13600000003"));
        await ProblemAsync(byOrganizer, HttpStatusCode.Forbidden, "token-wrongrole");
        using var approveByLink = await host.SendAsync(HttpMethod.Post, RegistryRoutes.ApproveOf(receipt.RegistrationId), link);
        await ProblemAsync(approveByLink, HttpStatusCode.Forbidden, "token-wrongrole");
        using var someoneElses = await host.SendAsync(HttpMethod.Get, RegistryRoutes.RegistrationOf(other.RegistrationId), receipt.Token);
        await ProblemAsync(someoneElses, HttpStatusCode.Forbidden, "token-wrongperson");
        using var samePhoneOtherName = await host.SendAsync(HttpMethod.Post, RegistryRoutes.Register, link, Applicant(name: "冒名"));
        await ProblemAsync(samePhoneOtherName, HttpStatusCode.Conflict, "already-registered");
        using var otherCommunity = await host.SendAsync(HttpMethod.Post, RegistryRoutes.ApproveOf(receipt.RegistrationId), host.OrganizerToken("org-x", "other"));
        await ProblemAsync(otherCommunity, HttpStatusCode.NotFound, "not-found");
        Assert.Equal(2, (await host.CallAsync<RegistrationView[]>(HttpMethod.Get, RegistryRoutes.Registrations, host.OrganizerToken())).Length);
    }
}
