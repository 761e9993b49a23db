using Dispatch.Core.Api;
using Dispatch.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dispatch.Local.Tests.Browser;

/// <summary>What residents, members and organizers notice in the pages, in a real Chromium against the real local host.</summary>
[Collection(AzuriteCollection.Name)]
public class PageTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_resident_orders_in_Chinese_lands_on_the_tracking_page_and_can_switch_to_English()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync(host.BaseAddress);

        await page.GotoAsync("/");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "我要点单" })).ToBeVisibleAsync();
        await page.GetByLabel("服务类别").SelectOptionAsync("Repair");
        await Expect(page.GetByLabel("社区")).ToHaveValueAsync("hubin"); // the only community is chosen for you
        await page.GetByLabel("网格").SelectOptionAsync("g1");
        await page.GetByLabel("楼栋").SelectOptionAsync("b1");
        await page.GetByLabel("加急").CheckAsync();
        await page.GetByLabel("您的称呼").FillAsync("张阿姨");
        await page.GetByLabel("联系电话").FillAsync("13812345678");
        await page.GetByLabel("详细地址").FillAsync("1号楼 302 室");
        await page.GetByLabel("需求说明").FillAsync("厨房水龙头漏水");
        await Chromium.ShotAsync(page, "1-form-zh-390");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交" }).ClickAsync();

        await Chromium.ArriveAsync(page, "**/track.html?o=*");
        await Expect(page.Locator("#status-word")).ToHaveTextAsync("已派单，待接单");
        await Expect(page.Locator("#status-text")).ToContainTextAsync("正在等待");
        await Expect(page.Locator("#timeline")).ToContainTextAsync("提交了订单");
        await Expect(page.Locator("#details")).ToContainTextAsync("厨房水龙头漏水");
        await Chromium.ShotAsync(page, "1-track-zh-390");

        await page.GetByRole(AriaRole.Button, new() { Name = "Switch to English" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Order progress" })).ToBeVisibleAsync();
        await Expect(page.Locator("#status-word")).ToHaveTextAsync("Offered, awaiting reply");
        await Expect(page.Locator("#timeline")).ToContainTextAsync("Order placed");
        await Expect(page.Locator("#details")).ToContainTextAsync("Small repairs");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");

        // The choice sticks: the next page opens in English.
        await page.GotoAsync("/");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ask for help" })).ToBeVisibleAsync();
        // This tab placed an order: the form shows it until the resident starts another.
        await page.GetByRole(AriaRole.Button, new() { Name = "Place another order" }).ClickAsync();
        await Expect(page.GetByLabel("Phone")).ToBeVisibleAsync();
        await Chromium.ShotAsync(page, "1-form-en-390");
        Assert.Empty(chromium.PageErrors);
    }

    [Fact]
    public async Task The_offered_member_accepts_sees_the_phone_reports_hours_and_the_resident_confirms_with_stars()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        await using var chromium = await Chromium.LaunchAsync();
        var placed = await host.PlaceAsync();
        var memberId = (await host.OpenOrderAsync(placed.OrderId)).OfferedTo!;
        await host.RunLoopsAsync(); // the offer reaches the member's inbox through the queue

        var member = await chromium.NewPageAsync(host.BaseAddress);
        await member.GotoAsync(Routes.OfferPage(placed.OrderId, host.MemberToken(memberId)));
        var card = member.Locator($"[data-order='{placed.OrderId}']");
        await Expect(card).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("highlight"));
        await Expect(card).ToContainTextAsync("厨房水龙头漏水");
        await Expect(card.Locator(".why")).ToContainTextAsync("为什么派给您");
        await Expect(card.Locator(".why")).ToContainTextAsync("候选");
        await Expect(card.Locator(".countdown")).Not.ToBeEmptyAsync();
        await Expect(card).Not.ToContainTextAsync("13812345678"); // no phone before accepting
        await Chromium.ShotAsync(member, "2-offer-zh-390");

        await card.GetByRole(AriaRole.Button, new() { Name = "接单" }).ClickAsync();
        await Expect(member.Locator("#action-status")).ToContainTextAsync("已接单");
        var assignment = member.Locator($".assignment[data-order='{placed.OrderId}']");
        await Expect(assignment.GetByRole(AriaRole.Link, new() { Name = "13812345678" })).ToHaveAttributeAsync("href", "tel:13812345678");
        await Expect(assignment).ToContainTextAsync("1号楼 302 室");
        await Chromium.ShotAsync(member, "2-accepted-zh-390");

        host.Clock.Advance(TimeSpan.FromHours(3));
        await assignment.GetByLabel("服务了多长时间").SelectOptionAsync("2.5");
        await assignment.GetByRole(AriaRole.Button, new() { Name = "报告完成" }).ClickAsync();
        await Expect(assignment).ToContainTextAsync("已报告 2.5 小时，等待确认");

        var resident = await chromium.NewPageAsync(host.BaseAddress);
        await resident.GotoAsync(placed.TrackingUrl);
        await Expect(resident.Locator("#status-word")).ToHaveTextAsync("服务完成，待确认");
        await Expect(resident.Locator("#member")).ToContainTextAsync("服务时长：2.5 小时");
        await Expect(resident.GetByRole(AriaRole.Link, new() { NameRegex = new("^拨打 1390000") })).ToBeVisibleAsync();
        await resident.GetByLabel("4 星").CheckAsync();
        await Chromium.ShotAsync(resident, "2-confirm-zh-390");
        await resident.GetByRole(AriaRole.Button, new() { Name = "确认完成" }).ClickAsync();
        await Expect(resident.Locator("#status-word")).ToHaveTextAsync("已确认");
        await Expect(resident.Locator("#member")).ToContainTextAsync("您的评价：4 星");
        await Expect(resident.GetByRole(AriaRole.Button, new() { Name = "取消订单" })).ToHaveCountAsync(0);
        await Chromium.ShotAsync(resident, "2-confirmed-zh-390");

        // The member's record shows the hours.
        await member.ReloadAsync();
        await member.GetByRole(AriaRole.Tab, new() { Name = "记录" }).ClickAsync();
        await Expect(member.Locator("#year-hours")).ToHaveTextAsync("2.5");
        await Chromium.ShotAsync(member, "2-records-zh-390");
        Assert.Empty(chromium.PageErrors);
    }

    [Fact]
    public async Task A_second_member_claiming_a_wish_already_claimed_is_told_it_is_taken()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        await using var chromium = await Chromium.LaunchAsync();
        var wish = await host.PlaceAsync(LocalHostFixture.Form(kind: "Wish", category: "Visit", urgent: false) with { Description = "想有人陪老伴聊聊天" });

        var page = await chromium.NewPageAsync(host.BaseAddress);
        await page.GotoAsync(Routes.MemberPage(host.MemberToken("m010")));
        await page.GetByRole(AriaRole.Tab, new() { NameRegex = new("^心愿墙") }).ClickAsync();
        var card = page.Locator($"#panel-board [data-order='{wish.OrderId}']");
        await Expect(card).ToContainTextAsync("想有人陪老伴聊聊天");
        await Expect(card).ToContainTextAsync("走访探望");
        await Chromium.ShotAsync(page, "3-board-zh-390");

        // Someone else is quicker.
        await host.CallAsync<MemberOrderView>(HttpMethod.Post, LocalHostFixture.RouteOf(Routes.Claim, wish.OrderId), host.MemberToken("m005"));

        await card.GetByRole(AriaRole.Button, new() { Name = "认领" }).ClickAsync();
        await Expect(card).ToContainTextAsync("已被认领");
        await Expect(card.GetByRole(AriaRole.Button, new() { Name = "已被认领" })).ToBeDisabledAsync();
        await Chromium.ShotAsync(page, "3-taken-zh-390");

        await page.GetByRole(AriaRole.Button, new() { Name = "Switch to English" }).ClickAsync();
        await Expect(card).ToContainTextAsync("Already taken");
        Assert.Empty(chromium.PageErrors);
    }

    [Fact]
    public async Task A_bad_phone_is_marked_at_the_field_and_nothing_typed_is_lost()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync(host.BaseAddress);
        await page.GotoAsync("/");
        await page.GetByLabel("微心愿").CheckAsync();
        await page.GetByLabel("服务类别").SelectOptionAsync("Tutoring");
        await page.GetByLabel("网格").SelectOptionAsync("g2");
        await page.GetByLabel("楼栋").SelectOptionAsync("b5");
        await page.GetByLabel("您的称呼").FillAsync("李奶奶");
        await page.GetByLabel("联系电话").FillAsync("12345");
        await page.GetByLabel("详细地址").FillAsync("5号楼 101 室");
        await page.GetByLabel("需求说明").FillAsync("孙子想找人辅导数学");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交" }).ClickAsync();

        var phone = page.GetByLabel("联系电话");
        await Expect(page.Locator("#phone-error")).ToHaveTextAsync("请填写 11 位手机号，或带区号的座机号。");
        await Expect(phone).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(phone).ToBeFocusedAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("请检查标红的项目");
        await Expect(page.GetByLabel("您的称呼")).ToHaveValueAsync("李奶奶");
        await Expect(page.GetByLabel("详细地址")).ToHaveValueAsync("5号楼 101 室");
        await Expect(page.GetByLabel("需求说明")).ToHaveValueAsync("孙子想找人辅导数学");
        await Expect(page.GetByLabel("楼栋")).ToHaveValueAsync("b5");
        await Expect(page.GetByLabel("微心愿")).ToBeCheckedAsync();
        await Chromium.ShotAsync(page, "4-phone-error-zh-390");

        // Errors follow the language too.
        await page.GetByRole(AriaRole.Button, new() { Name = "Switch to English" }).ClickAsync();
        await Expect(page.Locator("#phone-error")).ToContainTextAsync("11-digit mobile");
        await page.GetByRole(AriaRole.Button, new() { Name = "切换到中文" }).ClickAsync();

        await phone.FillAsync("0510-85551234");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交" }).ClickAsync();
        await Chromium.ArriveAsync(page, "**/track.html?o=*");
        await Expect(page.Locator("#status-word")).ToHaveTextAsync("待认领");
        Assert.Empty(chromium.PageErrors);
    }

    [Fact]
    public async Task An_organizer_sees_open_orders_on_a_desktop_searches_a_member_and_dispatches_one_by_hand()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        await using var chromium = await Chromium.LaunchAsync();
        var placed = await host.PlaceAsync();
        await host.PlaceAsync(LocalHostFixture.Form(kind: "Wish", category: "Visit", urgent: false, grid: "g3", building: "b8"));
        var first = (await host.OpenOrderAsync(placed.OrderId)).OfferedTo!;

        var page = await chromium.NewPageAsync(host.BaseAddress, phone: false);
        await page.GotoAsync(Routes.OrganizerPage(host.OrganizerToken()));
        var row = page.Locator($"tr[data-order='{placed.OrderId}']");
        await Expect(row).ToContainTextAsync("已派单，待接单");
        await Expect(page.Locator("#list tbody tr")).ToHaveCountAsync(2);

        var pick = (await host.CallAsync<OrganizerMemberView[]>(HttpMethod.Get, Routes.OrganizerMembers, host.OrganizerToken()))
            .First(m => m.Active && m.MemberId != first);
        await Expect(row).ToContainTextAsync(placed.Reference!); // HB-20261123-0001, not the order id

        // Dispatch by hand: search the member by name; the matching says why for each one found.
        await row.Locator("summary", new() { HasText = "派单给…" }).ClickAsync();
        await row.GetByLabel("姓名或服务").FillAsync(pick.Name);
        await row.GetByRole(AriaRole.Button, new() { Name = "搜索", Exact = true }).ClickAsync();
        var found = row.Locator($"li[data-member='{pick.MemberId}']");
        await Expect(found).ToContainTextAsync("今年");
        await Expect(row.Locator("li.cand-item")).ToHaveCountAsync(await row.Locator($"li.cand-item:has-text('{pick.Name}')").CountAsync());
        await Chromium.ShotAsync(page, "5-organizer-1280");
        await found.GetByRole(AriaRole.Button, new() { Name = $"派给 {pick.Name}" }).ClickAsync();
        await Expect(page.Locator("#action-status")).ToContainTextAsync("已派单");
        await Expect(row).ToContainTextAsync($"已派给 {pick.Name}");
        Assert.Equal(pick.MemberId, (await host.OpenOrderAsync(placed.OrderId)).OfferedTo);

        // The order's history names who dispatched it: 王书记, not org-wang.
        await row.Locator("summary", new() { HasText = "详情与记录" }).ClickAsync();
        await Expect(row.Locator(".order-details li[data-what='offered']").First).ToBeVisibleAsync();
        await Expect(row.Locator(".order-details")).ToContainTextAsync("王书记 手动派单给一位党员");
        await Expect(row.Locator(".order-details")).Not.ToContainTextAsync("org-wang");

        await page.GetByLabel("待确认").CheckAsync();
        await Expect(page.GetByText("没有符合条件的订单。")).ToBeVisibleAsync();
        Assert.Empty(chromium.PageErrors);
    }
}
