using Dispatch.App.SignIn;
using Dispatch.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dispatch.Local.Tests.Browser;

/// <summary>A new deployment set up on the real pages, as it would be in production: no demo data, only the first
/// administrator from settings. The administrator signs in by code and adds a community and its organizer; the
/// organizer signs in, adds a grid and a building, and imports a member list (one bad row shown in the preview).
/// Every page is reached by signing in and following the pages' own links, never with a token in the URL. The codes
/// are what the SMS would carry: the test host sends them to an in-memory outbox instead of a provider.</summary>
[Collection(AzuriteCollection.Name)]
public class CommunitySetupWalkTests(AzuriteFixture azurite)
{
    private const string AdministratorPhone = "13900000001";
    private const string OrganizerPhone = "13700000001";

    private const string MemberList =
        "\uFEFF姓名,手机号,网格,楼栋,服务类别,可服务时间\r\n" +
        "赵老师,13500000001,第一网格,1号楼,课业辅导,任何时间\r\n" +
        "钱师傅,13500000002,第一网格,1号楼,小修小补、助老服务,周末白天\r\n" +
        "李四,1350000,第一网格,1号楼,小修小补,任何时间\r\n";

    [Fact]
    public async Task The_administrator_adds_a_community_whose_organizer_builds_its_tree_and_imports_its_members()
    {
        await using var host = await LocalHostFixture.StartAsync(
            azurite,
            clock: new FakeTimeProvider(DateTimeOffset.UtcNow), // the browser's clock, for the session cookie's expiry
            settings: new Dictionary<string, string?>
            {
                ["Dispatch:Demo"] = "false",
                ["Dispatch:BootstrapAdministrator:Phone"] = AdministratorPhone,
                ["Dispatch:BootstrapAdministrator:Name"] = "钱主任",
            },
            services: s =>
            {
                s.AddSingleton<CodeOutbox>();
                s.AddSingleton<ISignInCodeSender>(sp => sp.GetRequiredService<CodeOutbox>());
            });
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync(host.BaseAddress, phone: false);

        // The administrator signs in and adds a community and its community organizer.
        await page.GotoAsync("/admin.html");
        await Chromium.ArriveAsync(page, "**/signin.html?next=*");
        await SignInPage.SignInAsync(page, AdministratorPhone, TextedCodes(host));
        await Chromium.ArriveAsync(page, "**/admin.html");
        AssertNoToken(page);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "区级管理", Level = 1 })).ToBeVisibleAsync();

        await page.Locator("#c-zh").FillAsync("新桥社区");
        await page.Locator("#c-id").FillAsync("xinqiao");
        await page.Locator("#add-community button[type=submit]").ClickAsync();
        var xinqiao = page.Locator("section[data-community='xinqiao']");
        await Expect(xinqiao.Locator("h2")).ToHaveTextAsync("新桥社区 (xinqiao)");
        await Expect(page.Locator("#communities section")).ToHaveCountAsync(1); // no demo community beside it

        var addOrganizer = xinqiao.Locator("form").Nth(1);
        await addOrganizer.Locator("input[name=name]").FillAsync("周书记");
        await addOrganizer.Locator("input[name=phone]").FillAsync(OrganizerPhone);
        await Expect(addOrganizer.Locator("select[name=gridId]")).ToHaveValueAsync(""); // 全社区: a community organizer
        await addOrganizer.Locator("button[type=submit]").ClickAsync();
        xinqiao = page.Locator("section[data-community='xinqiao']");
        var row = xinqiao.Locator("tbody tr", new() { HasText = "周书记" });
        await Expect(row).ToContainTextAsync(OrganizerPhone);
        await Expect(row).ToContainTextAsync("全社区");
        await Chromium.ShotAsync(page, "14-setup-admin-zh-1280");

        // The administrator signs out; the new organizer signs in on the same sign-in page.
        await page.GetByRole(AriaRole.Button, new() { Name = "退出登录" }).ClickAsync();
        await Chromium.ArriveAsync(page, "**/signin.html");
        await SignInPage.SignInAsync(page, OrganizerPhone, TextedCodes(host));
        await Chromium.ArriveAsync(page, "**/organizer.html");
        AssertNoToken(page);
        await Expect(page.Locator("#orders-title")).ToBeVisibleAsync();
        await Expect(page.Locator("#roster")).Not.ToContainTextAsync("赵老师");

        // 网格与楼栋: a grid, then a building in it.
        await page.GetByRole(AriaRole.Link, new() { Name = "网格与楼栋" }).ClickAsync();
        await Chromium.ArriveAsync(page, "**/tree.html");
        AssertNoToken(page);
        await page.Locator("#add-grid input[name=nameZh]").FillAsync("第一网格");
        await page.Locator("#add-grid input[name=id]").FillAsync("g1");
        await page.Locator("#add-grid button[type=submit]").ClickAsync();
        var grid = page.Locator("section[data-grid='g1']");
        await Expect(grid.Locator("h2")).ToHaveTextAsync("第一网格 (g1)");
        var addBuilding = grid.Locator("form").Last;
        await addBuilding.Locator("input[name=nameZh]").FillAsync("1号楼");
        await addBuilding.Locator("input[name=id]").FillAsync("b1");
        await addBuilding.GetByRole(AriaRole.Button, new() { Name = "新增" }).ClickAsync();
        await Expect(page.Locator("section[data-grid='g1'] li")).ToContainTextAsync("1号楼 (b1)");
        await Chromium.ShotAsync(page, "14-setup-tree-zh-1280");

        // Back on the organizer page: the member list, previewed (one bad row), then imported.
        await page.GetByRole(AriaRole.Link, new() { Name = "返回派单台" }).ClickAsync();
        await Chromium.ArriveAsync(page, "**/organizer.html");
        AssertNoToken(page);
        var file = new FilePayload { Name = "党员名单.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(MemberList) };
        await page.Locator("#import-file").SetInputFilesAsync(file);
        await page.GetByRole(AriaRole.Button, new() { Name = "预览" }).ClickAsync();
        await Expect(page.Locator("#import-status")).ToHaveTextAsync("共 2 行有效：新党员 2 人，已在名册 0 人；有问题的行 1 处。");
        await Expect(page.Locator("#import-errors")).ToContainTextAsync("第 4 行 · 手机号");
        await Expect(page.Locator("#roster")).Not.ToContainTextAsync("赵老师"); // a preview stores nothing
        await Chromium.ShotAsync(page, "14-setup-import-preview-zh-1280");
        await page.GetByRole(AriaRole.Button, new() { Name = "导入", Exact = true }).ClickAsync();
        await Expect(page.Locator("#import-status")).ToHaveTextAsync("已导入 2 人；已在名册 0 人未改动；有问题的行 1 处未导入。");

        await Expect(page.Locator("#roster-count")).ToHaveTextAsync("共 2 人，其中 2 人在岗");
        await Expect(page.Locator("#roster li", new() { HasText = "赵老师" })).ToContainTextAsync("课业辅导");
        await Expect(page.Locator("#roster li", new() { HasText = "钱师傅" })).ToContainTextAsync("小修小补");
        await Expect(page.Locator("#roster")).Not.ToContainTextAsync("李四");
        await Chromium.ShotAsync(page, "14-setup-roster-zh-1280");
        Assert.Empty(chromium.PageErrors);
    }

    private static void AssertNoToken(IPage page) => Assert.DoesNotContain("t=", new Uri(page.Url).Query, StringComparison.Ordinal);

    /// <summary>The code the text message would carry, from the outbox the test host sends codes to.</summary>
    private static Func<string, Task<string>> TextedCodes(LocalHostFixture host) => mobile =>
        Task.FromResult(host.Services.GetRequiredService<CodeOutbox>().LatestFor(mobile) ?? throw new InvalidOperationException("No code sent to " + mobile));
}
