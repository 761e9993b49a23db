using Dispatch.Core.Api;
using Dispatch.Core.Orders;
using Dispatch.Functions.Http;
using Dispatch.Testing;
using static Dispatch.Functions.Tests.AzureHost;

namespace Dispatch.Functions.Tests;

/// <summary>The member registry on the Azure host: the same use cases as the local host (Dispatch.App/Registry),
/// called through the HTTP functions with real HttpRequest objects. The assertions are the local host's
/// (Dispatch.Local.Tests/Registry) where both test the same behaviour.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class RegistryTests(AzuriteFixture azurite)
{
    // None of the seeded members (m1–m3) offers tutoring: a tutor in b1 is the only match for a tutoring order.
    private static readonly RegistrationRequest Tutor = new("钱红", "13600000001", "g1", "b1", ["Tutoring"], [], "每月辅导两次。");

    [Fact]
    public async Task A_registration_is_approved_once_matched_at_once_and_once_deactivated_gets_no_offer_and_cannot_accept()
    {
        await using var host = await StartAsync(azurite, SlowPolicy);
        var registry = host.Get<RegistryFunctions>();
        var organizer = host.OrganizerToken();
        var link = host.Links.RegistrationToken(CommunityId);

        var form = await host.CallAsync(Request("GET", RegistryRoutes.Register, token: link), r => registry.FormAsync(r, default));
        Assert.Equal(2, form.As<CommunityView>().Grids.Count);
        var submitted = await host.CallAsync(Request("POST", RegistryRoutes.Register, Tutor, link), r => registry.RegisterAsync(r, default));
        Assert.Equal(201, submitted.Status);
        var receipt = submitted.As<RegistrationReceipt>();
        var again = await host.CallAsync(Request("POST", RegistryRoutes.Register, Tutor, link), r => registry.RegisterAsync(r, default));
        Assert.Equal((200, receipt.RegistrationId), (again.Status, again.As<RegistrationReceipt>().RegistrationId));
        var pending = await host.CallAsync(Request("GET", RegistryRoutes.Registrations + "?status=Pending", token: organizer), r => registry.ListRegistrationsAsync(r, default));
        Assert.Equal("每月辅导两次。", Assert.Single(pending.As<RegistrationView[]>()).Pledge);

        var approved = await host.CallAsync(Request("POST", RegistryRoutes.ApproveOf(receipt.RegistrationId), token: organizer), r => registry.ApproveAsync(r, receipt.RegistrationId, default));
        var twice = await host.CallAsync(Request("POST", RegistryRoutes.ApproveOf(receipt.RegistrationId), token: organizer), r => registry.ApproveAsync(r, receipt.RegistrationId, default));
        var memberId = approved.As<RegistrationView>().MemberId!;
        Assert.Equal((200, "Approved", memberId), (twice.Status, twice.As<RegistrationView>().Status, twice.As<RegistrationView>().MemberId));
        var status = await host.CallAsync(Request("GET", RegistryRoutes.RegistrationOf(receipt.RegistrationId), token: receipt.Token),
            r => registry.StatusAsync(r, receipt.RegistrationId, default));
        Assert.Equal("Approved", status.As<RegistrationStatusView>().Status);
        var (_, members, _) = Read(await host.Organizer.MembersAsync(Request("GET", Routes.OrganizerMembers, token: organizer), default));
        Assert.Equal(4, members.GetArrayLength());

        var (first, _) = await host.PlaceAsync(Form(category: "Tutoring"));
        await host.WaitForAsync(first, s => s.Offer?.MemberId == memberId);

        var off = await host.CallAsync(Request("PUT", RegistryRoutes.MemberActiveOf(memberId), new ActiveRequest(false), organizer),
            r => registry.SetMemberActiveAsync(r, memberId, default));
        Assert.False(off.As<MemberRecordView>().Active);
        var (acceptStatus, problem, _) = Read(await host.Orders.AcceptAsync(Request("POST", "/x", token: host.MemberToken(memberId)), first, host.Client, default));
        Assert.Equal(403, acceptStatus);
        Assert.EndsWith("member-inactive", problem.GetProperty("type").GetString(), StringComparison.Ordinal);
        var (second, _) = await host.PlaceAsync(Form(category: "Tutoring"));
        var escalated = await host.WaitForAsync(second, s => s.Status == OrderStatus.Escalated);
        Assert.Null(escalated.State.Offer); // nobody else tutors: to the organizers, never to the deactivated member
    }

    [Fact]
    public async Task An_organizer_adds_by_phone_once_edits_with_field_errors_and_rejects_with_a_reason_the_applicant_reads()
    {
        await using var host = await StartAsync(azurite, SlowPolicy);
        var registry = host.Get<RegistryFunctions>();
        var organizer = host.OrganizerToken();
        var add = new MemberRequest("赵老师", "135 0000 0001", "g1", "b2", ["Tutoring"], [new SlotRequest("Saturday", 8, 12)]);

        var created = await host.CallAsync(Request("POST", RegistryRoutes.Members, add, organizer), r => registry.AddMemberAsync(r, default));
        Assert.Equal(201, created.Status);
        var member = created.As<MemberRecordView>();
        Assert.Equal(("13500000001", RegistryRoutes.MemberOf(member.MemberId)), (member.Phone, created.Headers.Location.ToString()));
        var repeat = await host.CallAsync(Request("POST", RegistryRoutes.Members, add, organizer), r => registry.AddMemberAsync(r, default));
        Assert.Equal((409, "member-exists", member.MemberId), (repeat.Status, repeat.ProblemType, repeat.Json.GetProperty("existingId").GetString()));

        var bad = await host.CallAsync(Request("PUT", RegistryRoutes.MemberOf(member.MemberId), add with { Phone = "12345", BuildingId = "b9", Skills = ["tutoring"] }, organizer),
            r => registry.EditMemberAsync(r, member.MemberId, default));
        Assert.Equal((400, "validation"), (bad.Status, bad.ProblemType));
        Assert.Equal(["buildingId", "phone", "skills"], bad.Json.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        var edited = await host.CallAsync(Request("PUT", RegistryRoutes.MemberOf(member.MemberId), add with { Name = "赵明", GridId = "g2", BuildingId = "b9" }, organizer),
            r => registry.EditMemberAsync(r, member.MemberId, default));
        Assert.Equal(("赵明", "b9"), (edited.As<MemberRecordView>().Name, edited.As<MemberRecordView>().BuildingId));

        var link = host.Links.RegistrationToken(CommunityId);
        var receipt = (await host.CallAsync(Request("POST", RegistryRoutes.Register, Tutor, link), r => registry.RegisterAsync(r, default))).As<RegistrationReceipt>();
        var rejected = await host.CallAsync(Request("POST", RegistryRoutes.RejectOf(receipt.RegistrationId), new RejectRequest("请先核实组织关系。"), organizer),
            r => registry.RejectAsync(r, receipt.RegistrationId, default));
        Assert.Equal("Rejected", rejected.As<RegistrationView>().Status);
        var approve = await host.CallAsync(Request("POST", RegistryRoutes.ApproveOf(receipt.RegistrationId), token: organizer), r => registry.ApproveAsync(r, receipt.RegistrationId, default));
        Assert.Equal((409, "registration-decided"), (approve.Status, approve.ProblemType));
        var status = (await host.CallAsync(Request("GET", RegistryRoutes.RegistrationOf(receipt.RegistrationId), token: receipt.Token),
            r => registry.StatusAsync(r, receipt.RegistrationId, default))).As<RegistrationStatusView>();
        Assert.Equal(("Rejected", "请先核实组织关系。"), (status.Status, status.Reason));
        var byLink = await host.CallAsync(Request("GET", RegistryRoutes.Registrations, token: link), r => registry.ListRegistrationsAsync(r, default));
        Assert.Equal((403, "token-wrongrole"), (byLink.Status, byLink.ProblemType));
    }

    [Fact]
    public async Task An_import_preview_stores_nothing_the_import_adds_new_phones_and_the_same_file_again_adds_nothing()
    {
        await using var host = await StartAsync(azurite, SlowPolicy);
        var registry = host.Get<RegistryFunctions>();
        var organizer = host.OrganizerToken();
        const string file = "姓名,手机号,网格,楼栋,服务类别,可服务时间\n" +
            "赵老师,13500000001,一网格,1幢,课业辅导,任何时间\n" +
            "钱师傅,13500000002,g2,b9,小修小补,周末白天\n" +
            "李四,135,一网格,9幢,做饭,\n";

        var preview = await host.CallAsync(Request("POST", RegistryRoutes.ImportPreview, token: organizer, rawBody: file, contentType: "text/csv"), r => registry.PreviewImportAsync(r, default));
        var report = preview.As<ImportReport>();
        Assert.Equal((2, 2, 0), (report.Rows, report.New, report.Added));
        Assert.Equal([(4, "手机号"), (4, "楼栋"), (4, "服务类别")], report.Errors.Select(e => (e.Row, e.Column)));
        var first = (await host.CallAsync(Request("POST", RegistryRoutes.Import, token: organizer, rawBody: file, contentType: "text/csv"), r => registry.ImportAsync(r, default))).As<ImportReport>();
        var second = (await host.CallAsync(Request("POST", RegistryRoutes.Import, token: organizer, rawBody: file, contentType: "text/csv"), r => registry.ImportAsync(r, default))).As<ImportReport>();
        Assert.Equal((2, 0, 2), (first.Added, second.Added, second.Existing));
        var (_, members, _) = Read(await host.Organizer.MembersAsync(Request("GET", Routes.OrganizerMembers, token: organizer), default));
        Assert.Equal(5, members.GetArrayLength());
        var bad = await host.CallAsync(Request("POST", RegistryRoutes.Import, token: organizer, rawBody: "{}", contentType: "text/csv"), r => registry.ImportAsync(r, default));
        Assert.Equal((400, "validation"), (bad.Status, bad.ProblemType));
    }

    [Fact]
    public async Task The_registry_exports_as_csv_and_xlsx_an_import_of_the_export_changes_nothing_and_other_types_are_415()
    {
        await using var host = await StartAsync(azurite, SlowPolicy);
        var registry = host.Get<RegistryFunctions>();
        var organizer = host.OrganizerToken();
        var (_, before, _) = Read(await host.Organizer.MembersAsync(Request("GET", Routes.OrganizerMembers, token: organizer), default));

        var csv = await host.CallAsync(Request("GET", RegistryRoutes.ExportCsv, token: organizer), r => registry.ExportCsvAsync(r, default));
        Assert.Equal((200, "text/csv"), (csv.Status, csv.ContentType.Split(';')[0]));
        var text = System.Text.Encoding.UTF8.GetString(csv.Bytes).TrimStart('\uFEFF');
        Assert.StartsWith("姓名,手机号,网格,楼栋,服务类别,可服务时间", text, StringComparison.Ordinal);
        var again = (await host.CallAsync(Request("POST", RegistryRoutes.Import, token: organizer, rawBody: text, contentType: "text/csv"), r => registry.ImportAsync(r, default))).As<ImportReport>();
        // This host's seeded m1–m3 share one phone, so the file names it three times: the repeats are reported, and
        // nothing is added or changed. (The local host's test round-trips a roster of distinct phones without an error.)
        Assert.Equal((0, 0), (again.New, again.Added));
        Assert.Equal(before.GetArrayLength() - 1, again.Errors.Count(e => e.Column == "手机号" && e.Reason.Contains("重复", StringComparison.Ordinal)));

        var xlsx = await host.CallAsync(Request("GET", RegistryRoutes.ExportXlsx, token: organizer), r => registry.ExportXlsxAsync(r, default));
        Assert.Equal((200, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), (xlsx.Status, xlsx.ContentType));
        Assert.Equal((byte)'P', xlsx.Bytes[0]); // a zip, as every workbook

        var pdf = await host.CallAsync(Request("POST", RegistryRoutes.Import, token: organizer, rawBody: text, contentType: "application/pdf"), r => registry.ImportAsync(r, default));
        Assert.Equal((415, "unsupported-media-type"), (pdf.Status, pdf.ProblemType));

        var link = (await host.CallAsync(Request("GET", RegistryRoutes.RegistrationLink, token: organizer), r => registry.RegistrationLinkAsync(r))).As<RegistrationLinkView>();
        Assert.Contains("/register.html?t=", link.Url, StringComparison.Ordinal);
        Assert.StartsWith("<svg", link.QrSvg.TrimStart(), StringComparison.Ordinal);
    }
}
