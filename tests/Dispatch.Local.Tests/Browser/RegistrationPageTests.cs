using Dispatch.Core.Api;
using Dispatch.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dispatch.Local.Tests.Browser;

/// <summary>在职党员报到 in the browser: a member registers on a 360 px phone through the community's link, the
/// organizer approves on their page, the member appears on the roster, and the applicant's own link shows it.</summary>
[Collection(AzuriteCollection.Name)]
public class RegistrationPageTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_member_registers_on_a_phone_the_organizer_approves_and_the_member_is_on_the_roster()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        await using var chromium = await Chromium.LaunchAsync();
        var phone = await chromium.NewPageAsync(host.BaseAddress);
        await phone.SetViewportSizeAsync(360, 780);
        await phone.GotoAsync(RegistryRoutes.RegisterPage(host.Links.RegistrationToken(LocalHostFixture.CommunityId)));
        await Expect(phone.Locator("#community")).ToHaveTextAsync("报到社区：湖滨社区");

        // The server's field errors land at the field, in Chinese.
        await phone.GetByLabel("姓名").FillAsync("钱红");
        await phone.GetByLabel("手机号").FillAsync("136 0000 0001");
        await phone.GetByLabel("课业辅导").CheckAsync();
        await phone.GetByRole(AriaRole.Button, new() { Name = "提交报到" }).ClickAsync();
        await Expect(phone.Locator("#gridId-error")).ToHaveTextAsync("请选择本社区的网格。");
        await Expect(phone.Locator("#form-errors")).ToContainTextAsync("请检查标红的项目。");

        await phone.GetByLabel("网格").SelectOptionAsync(new SelectOptionValue { Label = "第一网格" });
        await phone.GetByLabel("楼栋").SelectOptionAsync(new SelectOptionValue { Label = "1号楼" });
        await phone.GetByLabel("周末白天（8–20 点）").CheckAsync();
        await phone.GetByLabel("我的承诺").FillAsync("每月辅导社区孩子两次。");
        Assert.True(await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 360"), "no sideways scrolling at 360 px");
        await Chromium.ShotAsync(phone, "10-register-zh-360");
        await phone.GetByRole(AriaRole.Button, new() { Name = "提交报到" }).ClickAsync();
        await Expect(phone.Locator("#reg-status")).ToHaveTextAsync("待审核");
        await Expect(phone.Locator("#page-status")).ToContainTextAsync("已提交，请等待社区审核。");
        Assert.Contains("r=", phone.Url, StringComparison.Ordinal); // the page is now the applicant's own link
        await Chromium.ShotAsync(phone, "10-registered-zh-360");

        var desk = await chromium.NewPageAsync(host.BaseAddress, phone: false);
        await desk.GotoAsync(Routes.OrganizerPage(host.OrganizerToken()));
        var card = desk.Locator("#registrations article.registration");
        await Expect(card).ToContainTextAsync("钱红");
        await Expect(card).ToContainTextAsync("13600000001");
        await Expect(card).ToContainTextAsync("每月辅导社区孩子两次。");
        await Expect(desk.Locator("#roster")).Not.ToContainTextAsync("钱红");
        await Expect(desk.Locator("#orders-title")).ToBeVisibleAsync(); // the desk's own sections are still there
        await card.GetByRole(AriaRole.Button, new() { Name = "通过", Exact = true }).ClickAsync();
        await Expect(desk.Locator("#registrations-status")).ToHaveTextAsync("已通过，钱红 已加入党员名册。");
        await Expect(desk.Locator("#registrations")).ToContainTextAsync("没有待审核的报到申请。");
        await Expect(desk.Locator("#roster li", new() { HasText = "钱红" })).ToContainTextAsync("课业辅导");
        await Expect(desk.Locator("#roster-count")).ToHaveTextAsync("共 51 人，其中 49 人在岗");
        await Chromium.ShotAsync(desk, "10-approved-zh-1280");

        await phone.ReloadAsync();
        await Expect(phone.Locator("#reg-status")).ToHaveTextAsync("已通过");
        await phone.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Expect(phone.Locator("#reg-status")).ToHaveTextAsync("Approved");
        await Expect(phone.Locator("#status-title")).ToHaveTextAsync("Your registration");
        Assert.Empty(chromium.PageErrors);
    }

    [Fact]
    public async Task An_organizer_previews_an_import_file_sees_each_bad_row_then_imports_it_once()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        await using var chromium = await Chromium.LaunchAsync();
        var desk = await chromium.NewPageAsync(host.BaseAddress, phone: false);
        await desk.GotoAsync(Routes.OrganizerPage(host.OrganizerToken()));
        await Expect(desk.Locator("#roster-count")).ToHaveTextAsync("共 50 人，其中 48 人在岗");

        var file = new FilePayload { Name = "党员名单.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(Registry.MemberImportTests.File) };
        await desk.Locator("#import-file").SetInputFilesAsync(file);
        await desk.GetByRole(AriaRole.Button, new() { Name = "预览" }).ClickAsync();
        await Expect(desk.Locator("#import-status")).ToHaveTextAsync("共 4 行有效：新党员 3 人，已在名册 1 人；有问题的行 3 处。");
        await Expect(desk.Locator("#import-errors")).ToContainTextAsync("第 6 行 · 网格：本社区没有网格“第九网格”。");
        await Chromium.ShotAsync(desk, "10-import-preview-zh-1280");
        await desk.GetByRole(AriaRole.Button, new() { Name = "导入", Exact = true }).ClickAsync();
        await Expect(desk.Locator("#import-status")).ToHaveTextAsync("已导入 3 人；已在名册 1 人未改动；有问题的行 3 处未导入。");
        await Expect(desk.Locator("#roster-count")).ToHaveTextAsync("共 53 人，其中 51 人在岗");
        await Expect(desk.GetByRole(AriaRole.Button, new() { Name = "导入", Exact = true })).ToBeDisabledAsync();
        Assert.Empty(chromium.PageErrors);
    }
}
