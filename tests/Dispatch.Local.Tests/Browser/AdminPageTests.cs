using System.Text.RegularExpressions;
using Dispatch.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dispatch.Local.Tests.Browser;

/// <summary>The administrator's page (a community added, a grid organizer added with the link to hand over, a report
/// opened for a community) and the community organizer's tree page (a grid added, then offered by the order form).</summary>
[Collection(AzuriteCollection.Name)]
public class AdminPageTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task The_administrator_adds_a_community_and_a_grid_organizer_and_opens_a_report()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        await using var chromium = await Chromium.LaunchAsync();
        var admin = host.Links.AdministratorToken("admin-zhao");
        var page = await chromium.NewPageAsync(host.BaseAddress, phone: false);
        await page.GotoAsync("/admin.html?t=" + Uri.EscapeDataString(admin));

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "区级管理", Level = 1 })).ToBeVisibleAsync();
        var hubin = page.Locator($"section[data-community='{LocalHostFixture.CommunityId}']");
        await Expect(hubin).ToContainTextAsync("陈网格员");

        await page.Locator("#c-zh").FillAsync("新桥社区");
        await page.Locator("#c-id").FillAsync("xinqiao");
        await page.Locator("#add-community button[type=submit]").ClickAsync();
        await Expect(page.Locator("section[data-community='xinqiao'] h2")).ToHaveTextAsync("新桥社区 (xinqiao)");

        var organizer = hubin.Locator("form").Nth(1);
        await organizer.Locator("input[name=name]").FillAsync("周网格员");
        await organizer.Locator("input[name=phone]").FillAsync("13700000009");
        await organizer.Locator("select[name=gridId]").SelectOptionAsync("g2");
        await organizer.Locator("button[type=submit]").ClickAsync();
        hubin = page.Locator($"section[data-community='{LocalHostFixture.CommunityId}']");
        await Expect(hubin).ToContainTextAsync("周网格员");
        await Expect(hubin.Locator("p.msg-ok a")).ToHaveAttributeAsync("href", new Regex(@"organizer\.html\?t="));

        await hubin.GetByRole(AriaRole.Link, new() { Name = "年度统计" }).ClickAsync();
        await Chromium.ArriveAsync(page, "**/report.html?community=hubin&t=*");
        await Expect(page.Locator("#chart-hours svg rect.bar")).ToHaveCountAsync(4);
    }

    [Fact]
    public async Task A_community_organizer_adds_a_grid_on_the_tree_page_and_the_order_form_offers_it()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync(host.BaseAddress, phone: false);
        await page.GotoAsync("/tree.html?t=" + Uri.EscapeDataString(host.OrganizerToken()));

        await Expect(page.Locator("section[data-grid='g1'] h2")).ToHaveTextAsync("第一网格 (g1)");
        await page.Locator("#add-grid input[name=nameZh]").FillAsync("第五网格");
        await page.Locator("#add-grid input[name=id]").FillAsync("g5");
        await page.Locator("#add-grid button[type=submit]").ClickAsync();
        await Expect(page.Locator("section[data-grid='g5'] h2")).ToHaveTextAsync("第五网格 (g5)");

        await page.GotoAsync("/");
        await page.Locator("#communityId").SelectOptionAsync(LocalHostFixture.CommunityId);
        await Expect(page.Locator("#gridId option[value='g5']")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task An_organizer_links_a_member_to_a_household_on_the_tree_page_and_that_households_order_is_offered_to_them()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        var helper = Dispatch.Local.Demo.DemoData.Members().First(m => m.Active && m.Home.GridId != "g1" && m.Availability.Slots.IsEmpty
                                                        && m.Skills.Contains(Dispatch.Core.Members.ServiceCategory.Repair));
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync(host.BaseAddress, phone: false);
        await page.GotoAsync("/tree.html?t=" + Uri.EscapeDataString(host.OrganizerToken()));

        await page.Locator("#household-member").SelectOptionAsync(helper.MemberId);
        await page.Locator("#household-ids").FillAsync("b1-901，b1-902");
        await page.Locator("#households button[type=submit]").ClickAsync();
        await Expect(page.Locator("#households-status")).ToContainTextAsync("已保存");
        await page.ReloadAsync();
        await page.Locator("#household-member").SelectOptionAsync(helper.MemberId);
        await Expect(page.Locator("#household-ids")).ToHaveValueAsync("b1-901, b1-902");

        var placed = await host.PlaceAsync(LocalHostFixture.Form() with { HouseholdId = "b1-902" });
        Assert.Equal(helper.MemberId, (await host.OpenOrderAsync(placed.OrderId)).OfferedTo);
    }
}
