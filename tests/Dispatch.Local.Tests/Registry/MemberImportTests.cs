using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Dispatch.Core.Api;
using Dispatch.Testing;
using static Dispatch.Local.Tests.Registry.RegistryTestData;

namespace Dispatch.Local.Tests.Registry;

/// <summary>Bulk import over HTTP: the preview stores nothing and names every bad row; the import adds the new
/// phones; the same file again adds nothing.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class MemberImportTests(AzuriteFixture azurite)
{
    // 13900000001 is the demo member m001's phone: already here, left as it is.
    public const string File = "\uFEFF姓名,手机号,网格,楼栋,服务类别,可服务时间\r\n" +
        "赵老师,13500000001,第一网格,1号楼,课业辅导,任何时间\r\n" +
        "钱师傅,13500000002,第二网格,4号楼,小修小补、助老服务,周末白天\r\n" +
        "孙医生,135 0000 0003,g3,b7,健康检查,\"周一18-21，周三18-21\"\r\n" +
        "王建国,13900000001,第一网格,1号楼,走访探望,\r\n" +
        "李四,1350000,第九网格,1号楼,做饭,\r\n";

    public static Task<ImportReport> PostAsync(LocalHostFixture host, string route, string csv, HttpStatusCode expected = HttpStatusCode.OK) =>
        PostAsync(host, route, new StringContent(csv, Encoding.UTF8, "text/csv"), expected);

    public static async Task<ImportReport> PostAsync(LocalHostFixture host, string route, HttpContent file, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, route) { Content = file };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", host.OrganizerToken());
        using var response = await host.Http.SendAsync(request);
        Assert.True(response.StatusCode == expected, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<ImportReport>())!;
    }

    [Fact]
    public async Task A_preview_names_each_bad_row_the_import_adds_the_new_phones_and_the_same_file_again_adds_nothing()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);

        var preview = await PostAsync(host, RegistryRoutes.ImportPreview, File);
        Assert.Equal((4, 3, 1, 0), (preview.Rows, preview.New, preview.Existing, preview.Added));
        Assert.Equal([(6, "手机号"), (6, "网格"), (6, "服务类别")], preview.Errors.Select(e => (e.Row, e.Column)));
        Assert.Equal("本社区没有网格“第九网格”。", preview.Errors[1].Reason);
        Assert.Equal([false, false, false, true], preview.Preview!.Select(r => r.Exists));
        Assert.Equal(50, (await host.CallAsync<OrganizerMemberView[]>(HttpMethod.Get, Routes.OrganizerMembers, host.OrganizerToken())).Length);

        var imported = await PostAsync(host, RegistryRoutes.Import, File);
        Assert.Equal((3, 3, 1), (imported.Added, imported.New, imported.Existing));
        var roster = await host.CallAsync<OrganizerMemberView[]>(HttpMethod.Get, Routes.OrganizerMembers, host.OrganizerToken());
        Assert.Equal(53, roster.Length);
        var doctor = Assert.Single(roster, m => m.Phone == "13500000003");
        Assert.Equal(("孙医生", "g3", "b7", true), (doctor.Name, doctor.GridId, doctor.BuildingId, doctor.Active));
        Assert.Equal([new SlotView("Monday", 18, 21), new SlotView("Wednesday", 18, 21)], doctor.Availability);
        Assert.Equal("m001", Assert.Single(roster, m => m.Phone == "13900000001").MemberId); // the existing member, not overwritten by the file's name
        Assert.NotEqual("王建国", Assert.Single(roster, m => m.Phone == "13900000001").Name);

        var again = await PostAsync(host, RegistryRoutes.Import, File);
        Assert.Equal((0, 0, 4), (again.Added, again.New, again.Existing));
        Assert.Equal(53, (await host.CallAsync<OrganizerMemberView[]>(HttpMethod.Get, Routes.OrganizerMembers, host.OrganizerToken())).Length);

        // Imported members are matched at once: the tutor of 1号楼 gets the tutoring order there.
        var order = await host.PlaceAsync(TutoringInB1());
        Assert.Equal(Assert.Single(roster, m => m.Phone == "13500000001").MemberId, (await host.OpenOrderAsync(order.OrderId)).OfferedTo);
    }

    [Fact]
    public async Task A_file_without_the_header_or_not_in_utf8_is_refused_whole()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);

        using var noHeader = new HttpRequestMessage(HttpMethod.Post, RegistryRoutes.Import) { Content = new StringContent("赵老师,13500000001\n", Encoding.UTF8, "text/csv") };
        noHeader.Headers.Authorization = new AuthenticationHeaderValue("Bearer", host.OrganizerToken());
        var problem = await ProblemAsync(await host.Http.SendAsync(noHeader), HttpStatusCode.BadRequest, "validation");
        Assert.StartsWith("第 1 行应为表头", problem.GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.Ordinal);

        using var gbk = new HttpRequestMessage(HttpMethod.Post, RegistryRoutes.Import) { Content = new ByteArrayContent([0xD0, 0xD5, 0xC3, 0xFB, 0x2C]) };
        gbk.Content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        gbk.Headers.Authorization = new AuthenticationHeaderValue("Bearer", host.OrganizerToken());
        problem = await ProblemAsync(await host.Http.SendAsync(gbk), HttpStatusCode.BadRequest, "validation");
        Assert.Contains("UTF-8", problem.GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(50, (await host.CallAsync<OrganizerMemberView[]>(HttpMethod.Get, Routes.OrganizerMembers, host.OrganizerToken())).Length);
    }
}
