using Dispatch.Core.Api;
using Dispatch.Testing;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dispatch.Local.Tests.Browser;

/// <summary>The order form's draft and its idempotency key survive the back button and a reload until the order is
/// placed; after that the form shows the placed order, and "place another order" starts clean.</summary>
[Collection(AzuriteCollection.Name)]
public class OrderFormDraftTests(AzuriteFixture azurite)
{
    private static Task<string> KeyAsync(IPage page) =>
        page.EvaluateAsync<string>("() => JSON.parse(sessionStorage.getItem('dispatch.orderDraft')).key");

    private static async Task FillAsync(IPage page)
    {
        await page.GetByLabel("服务类别").SelectOptionAsync("Repair");
        await page.GetByLabel("网格").SelectOptionAsync("g1");
        await page.GetByLabel("楼栋").SelectOptionAsync("b1");
        await page.GetByLabel("加急").CheckAsync();
        await page.GetByLabel("需求说明").FillAsync("厨房水龙头漏水");
        await page.GetByLabel("您的称呼").FillAsync("张阿姨");
        await page.GetByLabel("联系电话").FillAsync("13812345678");
        await page.GetByLabel("详细地址").FillAsync("1号楼 302 室");
    }

    [Fact]
    public async Task Going_back_after_placing_shows_the_order_instead_of_placing_it_again()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync(host.BaseAddress);
        var before = (await host.OpenOrdersAsync()).Length;

        await page.GotoAsync("/");
        await FillAsync(page);
        var key = await KeyAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "提交" }).ClickAsync();
        await Chromium.ArriveAsync(page, "**/track.html?o=*");
        var tracking = new Uri(page.Url).PathAndQuery;
        // The tracking page shown before going back: going back from a page still loading can find it detached.
        await Expect(page.Locator("#timeline")).ToContainTextAsync("提交了订单");

        await page.GoBackAsync();
        var link = page.GetByRole(AriaRole.Link, new() { Name = "已提交，查看订单" });
        await Expect(link).ToBeVisibleAsync();
        await Expect(link).ToHaveAttributeAsync("href", tracking);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "提交" })).ToBeHiddenAsync();
        await page.ReloadAsync(); // a reload too shows the placed order
        await Expect(link).ToBeVisibleAsync();
        await Chromium.ShotAsync(page, "form-placed-zh-390");
        Assert.Equal(before + 1, (await host.OpenOrdersAsync()).Length);

        // 再下一单: an empty form and a new key.
        await page.GetByRole(AriaRole.Button, new() { Name = "再下一单" }).ClickAsync();
        await Expect(page.GetByLabel("您的称呼")).ToHaveValueAsync("");
        await Expect(page.GetByLabel("需求说明")).ToHaveValueAsync("");
        await Expect(page.Locator("#description-counter")).ToHaveTextAsync("0/500");
        Assert.NotEqual(key, await KeyAsync(page));
        await FillAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "提交" }).ClickAsync();
        await Chromium.ArriveAsync(page, "**/track.html?o=*");
        Assert.NotEqual(tracking, new Uri(page.Url).PathAndQuery);
        Assert.Equal(before + 2, (await host.OpenOrdersAsync()).Length);
        Assert.Empty(chromium.PageErrors);
    }

    [Fact]
    public async Task A_reload_mid_draft_keeps_every_field_the_counter_and_the_key()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync(host.BaseAddress);
        await page.GotoAsync("/");
        await FillAsync(page);
        await page.GetByLabel("明天上午").CheckAsync();
        var key = await KeyAsync(page);

        await page.ReloadAsync();
        await Expect(page.GetByLabel("网格")).ToHaveValueAsync("g1");
        await Expect(page.GetByLabel("楼栋")).ToHaveValueAsync("b1");
        await Expect(page.GetByLabel("服务类别")).ToHaveValueAsync("Repair");
        await Expect(page.GetByLabel("加急")).ToBeCheckedAsync();
        await Expect(page.GetByLabel("明天上午")).ToBeCheckedAsync();
        await Expect(page.GetByLabel("您的称呼")).ToHaveValueAsync("张阿姨");
        await Expect(page.GetByLabel("联系电话")).ToHaveValueAsync("13812345678");
        await Expect(page.GetByLabel("详细地址")).ToHaveValueAsync("1号楼 302 室");
        await Expect(page.GetByLabel("需求说明")).ToHaveValueAsync("厨房水龙头漏水");
        await Expect(page.Locator("#description-counter")).ToHaveTextAsync("7/500");
        Assert.Equal(key, await KeyAsync(page));
        Assert.Empty(chromium.PageErrors);
    }

    [Fact]
    public async Task A_wish_asks_neither_urgency_nor_a_time_and_the_form_fits_360_px_in_both_languages()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync(host.BaseAddress);
        await page.SetViewportSizeAsync(360, 740);
        await page.GotoAsync("/");
        await Expect(page.GetByLabel("明天上午")).ToBeVisibleAsync();
        await Expect(page.GetByText("加急订单会立即派出，夜间也会联系党员")).ToBeVisibleAsync();
        await page.GetByLabel("微心愿").CheckAsync();
        await Expect(page.GetByLabel("加急")).ToBeHiddenAsync();
        await Expect(page.GetByLabel("明天上午")).ToBeHiddenAsync();
        await page.GetByLabel("服务订单").CheckAsync();
        await AssertFitsAsync(page, "zh");
        await page.GetByRole(AriaRole.Button, new() { Name = "Switch to English" }).ClickAsync();
        await Expect(page.GetByLabel("Tomorrow Morning")).ToBeVisibleAsync();
        await AssertFitsAsync(page, "en");

        Assert.Empty(chromium.PageErrors);
    }

    private static async Task AssertFitsAsync(IPage page, string language)
    {
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"overflow at 360 px ({language})");
        await Chromium.ShotAsync(page, $"form-{language}-360");
    }

    [Fact]
    public async Task A_grid_worker_places_an_order_for_a_resident_on_the_organizer_page_and_gets_the_link_to_read_out()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync(host.BaseAddress);
        await page.GotoAsync(Routes.OrganizerPage(host.Links.OrganizerToken("org-chen", LocalHostFixture.CommunityId, "g1")));
        var form = page.Locator("#proxy-section");
        await form.GetByLabel("服务类别").SelectOptionAsync("ElderCare");
        await form.GetByLabel("网格").SelectOptionAsync("g1");
        await form.GetByLabel("楼栋").SelectOptionAsync("b1");
        await form.GetByLabel("加急").CheckAsync();
        await form.GetByLabel("需求说明").FillAsync("老人想请人帮忙买药");
        await form.GetByLabel("居民称呼").FillAsync("赵大爷");
        await form.GetByLabel("居民电话").FillAsync("13900001111");
        await form.GetByLabel("居民地址").FillAsync("1号楼 101 室");
        await form.GetByRole(AriaRole.Button, new() { Name = "代居民提交" }).ClickAsync();

        await Expect(form.GetByRole(AriaRole.Link, new() { Name = "已提交，查看订单" })).ToBeVisibleAsync();
        await Expect(form.Locator("#proxy-placed-url")).ToContainTextAsync("/track.html?o=");
        await Chromium.ShotAsync(page, "form-proxy-placed-zh-390");
        var tracking = await form.Locator("#proxy-placed-url").InnerTextAsync();
        await page.GotoAsync(tracking);
        await Expect(page.Locator("#timeline")).ToContainTextAsync("由网格员 陈网格员 代下单");
        Assert.Empty(chromium.PageErrors);
    }

    [Fact]
    public async Task An_evening_order_waits_for_8_00_on_the_tracking_page_and_reaches_a_members_inbox_then_until_10_00()
    {
        var night = new DateTimeOffset(2026, 11, 23, 21, 37, 0, TimeSpan.FromHours(8));
        await using var host = await LocalHostFixture.StartAsync(azurite, clock: new FakeTimeProvider(night));
        await using var chromium = await Chromium.LaunchAsync();
        var placed = await host.PlaceAsync(LocalHostFixture.Form(urgent: false));
        var page = await chromium.NewPageAsync(host.BaseAddress);
        await page.GotoAsync(placed.TrackingUrl);
        await Expect(page.Locator("#offer-from")).ToContainTextAsync("08:00 起派单");
        await Expect(page.Locator("#offer-from")).ToContainTextAsync("加急订单会立即派出");

        // Nobody is offered it during the night; at 08:00 the first member is, with the full two hours.
        await host.AdvanceAsync(TimeSpan.FromHours(10) + TimeSpan.FromMinutes(22)); // 07:59
        Assert.Null((await host.OpenOrderAsync(placed.OrderId)).OfferedTo);
        await host.AdvanceAsync(TimeSpan.FromMinutes(1)); // 08:00
        var member = (await host.OpenOrderAsync(placed.OrderId)).OfferedTo!;
        await host.RunLoopsAsync(); // delivers the offer

        await page.ReloadAsync();
        await Expect(page.Locator("#timeline")).ToContainTextAsync("夜间时段已过，开始派单");
        await Expect(page.Locator("#offer-from")).ToHaveCountAsync(0);
        var inbox = await chromium.NewPageAsync(host.BaseAddress);
        await inbox.GotoAsync("/member.html?t=" + host.MemberToken(member));
        await Expect(inbox.GetByText("请在 11月24日 10:00 前答复")).ToBeVisibleAsync();
        Assert.Empty(chromium.PageErrors);
    }
}
