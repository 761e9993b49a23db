using System.Text.RegularExpressions;
using Dispatch.Core.Api;
using Dispatch.Core.Orders;
using Dispatch.Local.Tests.Posts;
using Dispatch.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dispatch.Local.Tests.Browser;

/// <summary>Volunteer posts on the organizer's and members' pages, the notices both read (escalations,
/// the morning digest, quota nudges), and freezing a past year on the report page.</summary>
[Collection(AzuriteCollection.Name)]
public class PostAndNoticePageTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan Cst = TimeSpan.FromHours(8);

    [Fact]
    public async Task An_organizer_creates_a_one_place_post_a_member_claims_it_the_next_hears_it_is_full_and_the_shift_reaches_the_record()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        await using var chromium = await Chromium.LaunchAsync();
        var organizer = host.OrganizerToken();
        var (first, second) = (PostEndpointTests.ActiveMembers(2)[0], PostEndpointTests.ActiveMembers(2)[1]);
        var roster = await host.CallAsync<OrganizerMemberView[]>(HttpMethod.Get, Routes.OrganizerMembers, organizer);
        var firstName = roster.Single(m => m.MemberId == first).Name;

        // The organizer fills the form; the server's validation lands at the field, in Chinese.
        var desk = await chromium.NewPageAsync(host.BaseAddress, phone: false);
        await desk.GotoAsync(Routes.OrganizerPage(organizer));
        await Expect(desk.Locator("#posts")).ToContainTextAsync("还没有志愿服务岗位。");
        await desk.GetByLabel("岗位名称").FillAsync("路口文明劝导岗");
        await desk.GetByLabel("岗位说明").FillAsync("周末早高峰，在学校路口劝导");
        await desk.GetByLabel("名额").FillAsync("1");
        await desk.GetByLabel("开始日期").FillAsync("2026-11-20");
        await desk.GetByLabel("结束日期").FillAsync("2026-11-01");
        await desk.GetByRole(AriaRole.Button, new() { Name = "创建岗位" }).ClickAsync();
        await Expect(desk.Locator("#post-endsOn-error")).ToContainTextAsync("结束日期应不早于开始日期");
        await Expect(desk.GetByLabel("结束日期")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(desk.GetByLabel("结束日期")).ToBeFocusedAsync();
        await Expect(desk.GetByLabel("岗位名称")).ToHaveValueAsync("路口文明劝导岗"); // nothing typed is lost
        await Chromium.ShotAsync(desk, "9-post-error-zh-1280");

        await desk.GetByLabel("结束日期").FillAsync("2026-12-31");
        await desk.GetByRole(AriaRole.Button, new() { Name = "创建岗位" }).ClickAsync();
        await Expect(desk.Locator("#post-form-status")).ToContainTextAsync("岗位“路口文明劝导岗”已创建。");
        await Expect(desk.Locator("#post-endsOn-error")).ToBeEmptyAsync();
        var post = Assert.Single(await host.CallAsync<PostView[]>(HttpMethod.Get, PostRoutes.Posts, organizer));
        Assert.Equal((1, "周末早高峰，在学校路口劝导"), (post.Capacity, post.Description));
        var deskCard = desk.Locator($"#posts [data-post='{post.PostId}']");
        await Expect(deskCard.Locator(".places")).ToHaveTextAsync("已认领 0/1");
        await Expect(deskCard).ToContainTextAsync("有党员认领后才能记录值班时长。");

        // The second member opens the posts tab first, the first member is quicker.
        var late = await chromium.NewPageAsync(host.BaseAddress);
        await late.GotoAsync(Routes.MemberPage(host.MemberToken(second)));
        await late.GetByRole(AriaRole.Tab, new() { Name = "岗位" }).ClickAsync();
        var lateCard = late.Locator($"[data-post='{post.PostId}']");
        await Expect(lateCard).ToContainTextAsync("路口文明劝导岗");
        await Expect(lateCard.Locator(".places")).ToContainTextAsync("已认领 0/1");

        var member = await chromium.NewPageAsync(host.BaseAddress);
        await member.GotoAsync(Routes.MemberPage(host.MemberToken(first)));
        await member.GetByRole(AriaRole.Tab, new() { Name = "岗位" }).ClickAsync();
        var card = member.Locator($"[data-post='{post.PostId}']");
        await Expect(card).ToContainTextAsync("2026年11月20日");
        await Chromium.ShotAsync(member, "9-posts-zh-390");
        await card.GetByRole(AriaRole.Button, new() { Name = "认领" }).ClickAsync();
        await Expect(card).ToContainTextAsync("认领成功！计入 2026 年度任务");
        await Expect(card.GetByRole(AriaRole.Button, new() { Name = "已认领" })).ToBeDisabledAsync();
        await Expect(card.Locator(".places")).ToContainTextAsync("已认领 1/1");
        await Chromium.ShotAsync(member, "9-claimed-zh-390");
        await Expect(card.Locator(".my-shifts")).ToHaveTextAsync("还没有记录值班。社区记录后会显示在这里。");

        await lateCard.GetByRole(AriaRole.Button, new() { Name = "认领" }).ClickAsync();
        await Expect(lateCard).ToContainTextAsync("名额已满");
        await Expect(lateCard.GetByRole(AriaRole.Button, new() { Name = "已满" })).ToBeDisabledAsync();
        await Chromium.ShotAsync(late, "9-full-zh-390");
        await late.ReloadAsync(); // full from the list itself, not only from the refusal
        await late.GetByRole(AriaRole.Tab, new() { Name = "岗位" }).ClickAsync();
        await Expect(late.Locator($"[data-post='{post.PostId}']").GetByRole(AriaRole.Button, new() { Name = "已满" })).ToBeDisabledAsync();
        await late.GetByRole(AriaRole.Button, new() { Name = "Switch to English" }).ClickAsync();
        await Expect(late.Locator($"[data-post='{post.PostId}']").GetByRole(AriaRole.Button, new() { Name = "Full" })).ToBeDisabledAsync();
        await Expect(late.Locator($"[data-post='{post.PostId}'] .places")).ToContainTextAsync("1 of 1 taken");
        await Chromium.ShotAsync(late, "9-full-en-390");

        // The organizer sees who claimed and records a shift: only claimants, 0.5–12 hours in half steps.
        await desk.ReloadAsync();
        await Expect(deskCard.Locator(".places")).ToHaveTextAsync("已认领 1/1");
        await Expect(deskCard.Locator(".claimants")).ToHaveTextAsync(firstName);
        var who = deskCard.GetByLabel("党员", new() { Exact = true });
        await Expect(who.Locator("option")).ToHaveCountAsync(1);
        await Expect(who).ToHaveValueAsync(first);
        var hours = deskCard.GetByLabel("时长");
        await Expect(hours.Locator("option")).ToHaveCountAsync(24);
        await Expect(hours.Locator("option").First).ToHaveAttributeAsync("value", "0.5");
        await Expect(hours.Locator("option").Last).ToHaveAttributeAsync("value", "12");
        await deskCard.GetByLabel("值班日期").FillAsync("2026-11-22");
        await hours.SelectOptionAsync("3");
        await deskCard.GetByRole(AriaRole.Button, new() { Name = "记录时长" }).ClickAsync();
        await Expect(deskCard).ToContainTextAsync($"已为 {firstName} 记录 3 小时。");
        await Chromium.ShotAsync(desk, "9-organizer-posts-zh-1280");

        await deskCard.GetByRole(AriaRole.Button, new() { Name = "记录时长" }).ClickAsync(); // the same shift again
        await Expect(deskCard).ToContainTextAsync("这一天的值班已经记录过了");
        await deskCard.GetByLabel("值班日期").FillAsync("2026-10-30");
        await deskCard.GetByRole(AriaRole.Button, new() { Name = "记录时长" }).ClickAsync();
        await Expect(deskCard).ToContainTextAsync("日期应在岗位时间内");

        var phoneDesk = await chromium.NewPageAsync(host.BaseAddress);
        await phoneDesk.GotoAsync(Routes.OrganizerPage(organizer));
        await Expect(phoneDesk.Locator($"#posts [data-post='{post.PostId}'] .claimants")).ToHaveTextAsync(firstName);
        await Chromium.ShotAsync(phoneDesk, "9-organizer-zh-390");
        await AssertNoSidewaysScrollAsync(phoneDesk);

        // The member's records show the hours and name the post.
        await member.ReloadAsync();
        await member.GetByRole(AriaRole.Tab, new() { Name = "记录" }).ClickAsync();
        await Expect(member.Locator("#year-hours")).ToHaveTextAsync("3");
        await Expect(member.Locator("#year-posts")).ToHaveTextAsync("1");
        await Expect(member.Locator("#panel-records table")).ToContainTextAsync("岗位：路口文明劝导岗");
        await Chromium.ShotAsync(member, "9-records-zh-390");
        await AssertNoSidewaysScrollAsync(member);

        // On the post itself, the member sees the shift credited to them: the day and its hours, once.
        await member.GetByRole(AriaRole.Tab, new() { Name = "岗位" }).ClickAsync();
        await Expect(card.Locator(".my-shifts h4")).ToHaveTextAsync("我的值班");
        await Expect(card.Locator(".my-shifts li")).ToHaveTextAsync(["2026年11月22日 · 3 小时"]);
        await Chromium.ShotAsync(member, "9-my-shifts-zh-390");
        await AssertNoSidewaysScrollAsync(member);

        var wide = await chromium.NewPageAsync(host.BaseAddress, phone: false);
        await wide.GotoAsync(Routes.MemberPage(host.MemberToken(first)) + "&lang=en");
        await wide.GetByRole(AriaRole.Tab, new() { Name = "Posts" }).ClickAsync();
        await Expect(wide.Locator($"[data-post='{post.PostId}']").GetByRole(AriaRole.Button, new() { Name = "Claimed" })).ToBeDisabledAsync();
        await Expect(wide.Locator($"[data-post='{post.PostId}'] .my-shifts li")).ToHaveTextAsync(["22 Nov 2026 · 3 h"]);
        await Chromium.ShotAsync(wide, "9-posts-en-1280");
        Assert.Empty(chromium.PageErrors);
    }

    [Fact]
    public async Task An_escalated_order_and_the_morning_digest_reach_the_organizers_notices_and_link_to_the_row()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        await using var chromium = await Chromium.LaunchAsync();
        var organizer = host.OrganizerToken();

        // A wish in m003's grid waits on the board, so the quarter's quota nudge suggests it.
        var m003 = (await host.CallAsync<OrganizerMemberView[]>(HttpMethod.Get, Routes.OrganizerMembers, organizer)).Single(m => m.MemberId == "m003");
        var wish = await host.PlaceAsync(LocalHostFixture.Form(kind: "Wish", category: "Visit", urgent: false, grid: m003.GridId, building: m003.BuildingId));
        await host.RunLoopsAsync();

        var placed = await host.PlaceEscalatedAsync();

        await host.RunLoopsAsync();
        Assert.Equal(OrderStatus.Escalated, (await host.OpenOrderAsync(placed.OrderId)).Status);

        var desk = await chromium.NewPageAsync(host.BaseAddress, phone: false);
        await desk.GotoAsync(Routes.OrganizerPage(organizer));
        var escalated = desk.Locator("#notices li[data-notice='Escalated']");
        await Expect(escalated).ToHaveCountAsync(1);
        await Expect(escalated).ToContainTextAsync("订单无人接单，已转社区");
        await Expect(escalated).ToContainTextAsync($"订单 {placed.Reference} 无人接单，请人工派单。");
        await Expect(desk.Locator("#dead-letters")).ToBeHiddenAsync(); // nothing undeliverable
        await desk.GetByLabel("待确认").CheckAsync(); // the row is filtered away; the link brings it back
        await Expect(desk.GetByText("没有符合条件的订单。")).ToBeVisibleAsync();
        await escalated.GetByRole(AriaRole.Link).ClickAsync();
        var row = desk.Locator($"tr[data-order='{placed.OrderId}']");
        await Expect(row).ToHaveClassAsync(new Regex("highlight"));
        await Expect(row).ToBeFocusedAsync();
        await Expect(row).ToContainTextAsync("待人工派单");
        await Expect(desk.GetByLabel("全部进行中")).ToBeCheckedAsync();

        // At 08:00 the next morning the digest comes, newest first, its ids linking to the rows.
        await host.AdvanceAsync(new DateTimeOffset(2026, 11, 24, 8, 0, 0, Cst) - host.Clock.GetUtcNow());
        await desk.ReloadAsync();
        var newest = desk.Locator("#notices li.notice").First;
        await Expect(newest).ToHaveAttributeAsync("data-notice", "EscalationDigest");
        await Expect(newest).ToContainTextAsync("待人工派单汇总");
        await Expect(newest).ToContainTextAsync("1 个订单无人接单，等待人工派单：");
        // The view names the orders as typed fields; people read the reference, never the raw id (the link's target only).
        var views = await host.CallAsync<NoticeView[]>(HttpMethod.Get, Routes.OrganizerNotices, organizer);
        Assert.Equal(placed.Reference, views.Single(v => v.Notice == NoticeKind.Escalated).Reference);
        Assert.Equal([new OrderLabel(placed.OrderId, placed.Reference)], views.Single(v => v.Notice == NoticeKind.EscalationDigest).DigestOrders!);
        await Expect(desk.Locator("#notices")).ToContainTextAsync(placed.Reference!);
        await Expect(desk.Locator("#notices")).Not.ToContainTextAsync(placed.OrderId);
        await newest.GetByRole(AriaRole.Link, new() { Name = placed.Reference }).ClickAsync();
        await Expect(row).ToBeFocusedAsync();
        await Chromium.ShotAsync(desk, "10-notices-zh-1280");
        await desk.GetByRole(AriaRole.Button, new() { Name = "Switch to English" }).ClickAsync();
        await Expect(newest).ToContainTextAsync("Orders waiting to be dispatched by hand");
        await Expect(desk.Locator("#notices li[data-notice='Escalated']")).ToContainTextAsync($"Nobody took order {placed.Reference}");
        await Expect(desk.Locator("#notices")).Not.ToContainTextAsync(placed.OrderId);
        await Chromium.ShotAsync(desk, "10-notices-en-1280");

        var phone = await chromium.NewPageAsync(host.BaseAddress);
        await phone.GotoAsync(Routes.OrganizerPage(organizer));
        await Expect(phone.Locator("#notices li.notice")).ToHaveCountAsync(2);
        await Chromium.ShotAsync(phone, "10-notices-zh-390");
        await AssertNoSidewaysScrollAsync(phone);

        // The member reads the quota nudge as a sentence, with the suggested wish a tap away.
        var member = await chromium.NewPageAsync(host.BaseAddress);
        await member.GotoAsync(Routes.MemberPage(host.MemberToken("m003")));
        await member.GetByRole(AriaRole.Tab, new() { Name = "通知" }).ClickAsync();
        var nudge = member.Locator("#panel-notices li[data-notice='QuotaNudge']");
        await Expect(nudge).ToContainTextAsync("年度任务提醒");
        await Expect(nudge).ToContainTextAsync("今年您已认领微心愿 0/2 个、志愿服务岗位 0/1 个。");
        await Expect(nudge).ToContainTextAsync("可以在“岗位”里认领一个志愿服务岗位。");
        await Expect(nudge).Not.ToContainTextAsync("wishes 0/2");
        await Chromium.ShotAsync(member, "10-member-notices-zh-390");
        await nudge.GetByRole(AriaRole.Link, new() { Name = $"心愿 {wish.OrderId}" }).ClickAsync();
        await Chromium.ArriveAsync(member, $"**/member.html?o={wish.OrderId}&t=*");
        await Expect(member.Locator($"#panel-board [data-order='{wish.OrderId}']")).ToHaveClassAsync(new Regex("highlight"));
        Assert.Empty(chromium.PageErrors);
    }

    [Fact]
    public async Task The_report_page_freezes_a_past_year_once_and_says_the_current_year_is_not_over()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        await using var chromium = await Chromium.LaunchAsync();
        var organizer = host.OrganizerToken();

        var page = await chromium.NewPageAsync(host.BaseAddress, phone: false);
        await page.GotoAsync("/report.html?t=" + Uri.EscapeDataString(organizer));
        await Expect(page.Locator("#assessment-state")).ToHaveTextAsync("2026 年度还没有结束，将在次年 1 月 1 日自动封存。");
        await Expect(page.Locator("#freeze")).ToHaveCountAsync(0);

        await page.Locator("#year").SelectOptionAsync("2025");
        await Expect(page.Locator("#assessment-state")).ToHaveTextAsync("2025 年度还没有封存。");
        await page.GetByRole(AriaRole.Button, new() { Name = "立即封存 2025 年度" }).ClickAsync();
        await Expect(page.Locator("#assessment-state")).ToHaveTextAsync("2025 年度已封存");
        await Expect(page.Locator("#assessment")).ToContainTextAsync("封存时间：11月23日 10:00");
        await Expect(page.Locator("#late-count")).ToHaveTextAsync("封存后没有补录。");
        await page.Locator("#assessment").ScreenshotAsync(new() { Path = Path.Combine(Chromium.ScreenshotDirectory, "11-assessment-zh-1280.png") });

        // Opened on that year later, it reads the snapshot; the year list still reaches this year.
        var again = await chromium.NewPageAsync(host.BaseAddress);
        await again.GotoAsync("/report.html?year=2025&t=" + Uri.EscapeDataString(organizer));
        await Expect(again.Locator("#assessment-state")).ToHaveTextAsync("2025 年度已封存");
        await Expect(again.Locator("#year option").First).ToHaveAttributeAsync("value", "2026");
        Assert.Empty(chromium.PageErrors);
    }

    [Fact]
    public void Every_notice_kind_has_a_label_in_Chinese_and_English()
    {
        var source = File.ReadAllText(Path.Combine(AzuriteFixture.FindRepoRoot(), "functions", "Dispatch.Local", "wwwroot", "i18n.js"));
        var zh = source[source.IndexOf("const zh = {", StringComparison.Ordinal)..source.IndexOf("const en = {", StringComparison.Ordinal)];
        var en = source[source.IndexOf("const en = {", StringComparison.Ordinal)..source.IndexOf("const dictionaries", StringComparison.Ordinal)];
        foreach (var kind in Enum.GetNames<NoticeKind>())
        {
            Assert.Contains($"'notice.{kind}':", zh, StringComparison.Ordinal);
            Assert.Contains($"'notice.{kind}':", en, StringComparison.Ordinal);
        }
    }

    /// <summary>At 390 px nothing makes the page scroll sideways.</summary>
    private static async Task AssertNoSidewaysScrollAsync(IPage page)
    {
        var size = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        var (scroll, client) = (size[0], size[1]);
        Assert.True(scroll <= client, $"page is {scroll}px wide in a {client}px window");
    }
}
