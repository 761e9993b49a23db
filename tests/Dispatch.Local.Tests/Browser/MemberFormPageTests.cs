using Dispatch.Core.Api;
using Dispatch.Local.Tests.Registry;
using Dispatch.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dispatch.Local.Tests.Browser;

/// <summary>The organizer's registry tools in the browser: the member form (field problems under their fields, add,
/// edit), an Excel member list previewed and imported, and the community's registration link with its QR code.</summary>
[Collection(AzuriteCollection.Name)]
public class MemberFormPageTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task An_organizer_adds_a_member_with_the_form_sees_them_on_the_roster_and_edits_them()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        await using var chromium = await Chromium.LaunchAsync();
        var desk = await chromium.NewPageAsync(host.BaseAddress, phone: false);
        await desk.GotoAsync(Routes.OrganizerPage(host.OrganizerToken()));
        await Expect(desk.Locator("#roster-count")).ToHaveTextAsync("共 50 人，其中 48 人在岗");

        // The server's problems land under their fields, in Chinese, then in English.
        await desk.Locator("#member-name").FillAsync("周明");
        await desk.Locator("#member-phone").FillAsync("1370000");
        await desk.Locator("#member-save").ClickAsync();
        await Expect(desk.Locator("#member-phone-error")).ToHaveTextAsync("请填写 11 位手机号码。");
        await Expect(desk.Locator("#member-gridId-error")).ToHaveTextAsync("请选择本社区的网格。");
        await Expect(desk.Locator("#member-skills-error")).ToContainTextAsync("请至少选择一项服务。");
        await Expect(desk.Locator("#member-name-error")).ToBeEmptyAsync();
        await desk.Locator("#lang-toggle").ClickAsync();
        await Expect(desk.Locator("#member-gridId-error")).ToHaveTextAsync("Choose a grid of this community.");
        await desk.Locator("#lang-toggle").ClickAsync();

        await desk.Locator("#member-phone").FillAsync("137 0000 0001");
        await desk.Locator("#member-gridId").SelectOptionAsync(new SelectOptionValue { Label = "第一网格" });
        await desk.Locator("#member-buildingId").SelectOptionAsync(new SelectOptionValue { Label = "1号楼" });
        await desk.Locator("#member-skill-choices").GetByLabel("课业辅导").CheckAsync();
        await desk.Locator("#member-when").SelectOptionAsync("evenings");
        await Chromium.ShotAsync(desk, "11-member-form-zh-1280");
        await desk.Locator("#member-save").ClickAsync();
        await Expect(desk.Locator("#member-form-status")).ToHaveTextAsync("已添加 周明。");
        var row = desk.Locator("#roster li", new() { HasText = "周明" });
        await Expect(row).ToContainTextAsync("课业辅导");
        await Expect(desk.Locator("#roster-count")).ToHaveTextAsync("共 51 人，其中 49 人在岗");

        await row.GetByRole(AriaRole.Button, new() { Name = "编辑" }).ClickAsync();
        await Expect(desk.Locator("#member-form-title")).ToHaveTextAsync("编辑党员：周明");
        await Expect(desk.Locator("#member-phone")).ToHaveValueAsync("13700000001");
        await Expect(desk.Locator("#member-when")).ToHaveValueAsync("evenings");
        await desk.Locator("#member-buildingId").SelectOptionAsync(new SelectOptionValue { Label = "2号楼" });
        await desk.Locator("#member-active").UncheckAsync();
        await desk.Locator("#member-save").ClickAsync();
        await Expect(desk.Locator("#member-form-status")).ToHaveTextAsync("已保存 周明。");
        await Expect(row).ToContainTextAsync("2号楼");
        await Expect(desk.Locator("#roster-count")).ToHaveTextAsync("共 51 人，其中 48 人在岗");
        Assert.Empty(chromium.PageErrors);
    }

    [Fact]
    public async Task An_organizer_imports_an_excel_file_after_its_preview_and_sees_the_members_on_the_roster()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        await using var chromium = await Chromium.LaunchAsync();
        var desk = await chromium.NewPageAsync(host.BaseAddress, phone: false);
        await desk.GotoAsync(Routes.OrganizerPage(host.OrganizerToken()));
        await Expect(desk.Locator("#roster-count")).ToHaveTextAsync("共 50 人，其中 48 人在岗");

        var xlsx = await MemberFileTests.Xlsx(MemberImportTests.File).ReadAsByteArrayAsync();
        await desk.Locator("#import-file").SetInputFilesAsync(new FilePayload { Name = "党员名单.xlsx", MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Buffer = xlsx });
        await desk.GetByRole(AriaRole.Button, new() { Name = "预览" }).ClickAsync();
        await Expect(desk.Locator("#import-status")).ToHaveTextAsync("共 4 行有效：新党员 3 人，已在名册 1 人；有问题的行 3 处。");
        await Expect(desk.Locator("#import-errors")).ToContainTextAsync("第 6 行 · 网格：本社区没有网格“第九网格”。");
        await desk.GetByRole(AriaRole.Button, new() { Name = "导入", Exact = true }).ClickAsync();
        await Expect(desk.Locator("#import-status")).ToHaveTextAsync("已导入 3 人；已在名册 1 人未改动；有问题的行 3 处未导入。");
        await Expect(desk.Locator("#import-progress")).ToBeHiddenAsync();
        await Expect(desk.Locator("#roster li", new() { HasText = "孙医生" })).ToContainTextAsync("健康检查");
        await Expect(desk.Locator("#roster-count")).ToHaveTextAsync("共 53 人，其中 51 人在岗");

        // The registration link to print, outside the demo too.
        await Expect(desk.Locator("#registration-url")).ToContainTextAsync("/register.html?t=");
        await Expect(desk.Locator("#registration-qr")).ToBeVisibleAsync();
        Assert.True(await desk.Locator("#registration-qr").EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "the QR code renders");
        Assert.Empty(chromium.PageErrors);
    }
}
