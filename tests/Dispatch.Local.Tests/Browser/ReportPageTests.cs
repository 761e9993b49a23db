using System.Text.RegularExpressions;
using Dispatch.Core.Api;
using Dispatch.Core.Reports;
using Dispatch.Local.Tests.Posts;
using Dispatch.Local.Tests.Reports;
using Dispatch.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dispatch.Local.Tests.Browser;

/// <summary>The organizer's report page, the member's tally with its printable proof, and public verification.</summary>
[Collection(AzuriteCollection.Name)]
public class ReportPageTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task The_report_page_draws_one_bar_per_grid_the_trend_and_who_is_behind_the_quota()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        await using var chromium = await Chromium.LaunchAsync();
        await ReportEndpointTests.ServeAsync(host, 2.5m);
        var organizer = host.OrganizerToken();
        var post = await host.CallAsync<PostView>(HttpMethod.Post, PostRoutes.Posts, organizer, PostEndpointTests.Crossing);
        var busy = PostEndpointTests.ActiveMembers(40)[^1];
        await host.CallAsync<PostClaimResponse>(HttpMethod.Post, PostRoutes.ClaimOf(post.PostId), host.MemberToken(busy));
        await host.CallAsync<ShiftResponse>(HttpMethod.Post, PostRoutes.ShiftsOf(post.PostId), organizer, new ShiftRequest(busy, new DateOnly(2026, 11, 8), 4m));

        var page = await chromium.NewPageAsync(host.BaseAddress, phone: false);
        await page.GotoAsync(Routes.OrganizerPage(organizer));
        var link = page.GetByRole(AriaRole.Link, new() { Name = "年度统计与导出" });
        await Expect(link).ToHaveAttributeAsync("href", new Regex(@"report\.html\?t="));
        await link.ClickAsync();

        await Chromium.ArriveAsync(page, "**/report.html?t=*");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "年度服务统计", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("#summary")).ToContainTextAsync("服务 6.5 小时");
        await Expect(page.Locator("#chart-hours svg rect.bar")).ToHaveCountAsync(4); // the demo's four grids
        await Expect(page.Locator("#chart-quota svg rect.bar")).ToHaveCountAsync(4);
        await Expect(page.Locator("#chart-hours svg")).ToHaveAttributeAsync("aria-label", new Regex("各网格服务时长：.+小时"));
        await Expect(page.Locator("#chart-trend svg circle.dot")).ToHaveCountAsync(12);
        await Expect(page.Locator("#chart-trend svg")).ToHaveAttributeAsync("aria-label", new Regex("11月 6.5"));
        await Expect(page.Locator("#year")).ToHaveValueAsync("2026");

        // Who is behind the quota, fewest hours first; the header sorts the other way.
        var rows = page.Locator("#behind-table tbody tr");
        await Expect(rows).ToHaveCountAsync(48);
        await Expect(rows.First.Locator("td.hours")).ToHaveTextAsync("0");
        await page.GetByRole(AriaRole.Button, new() { Name = "按服务时长排序" }).ClickAsync();
        await Expect(page.Locator("#behind-table th[aria-sort]")).ToHaveAttributeAsync("aria-sort", "descending");
        await Expect(rows.First.Locator("td.hours")).ToHaveTextAsync("4");
        await Expect(rows.First).ToHaveAttributeAsync("data-member", busy);

        await Expect(page.Locator("#export-xlsx")).ToHaveAttributeAsync("href", new Regex(@"^/api/exports/tallies\.xlsx\?year=2026&level=member&lang=zh&t="));
        await page.Locator("#level").SelectOptionAsync("grid");
        await Expect(page.Locator("#export-csv")).ToHaveAttributeAsync("href", new Regex("level=grid"));
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#export-xlsx").ClickAsync());
        Assert.Equal("湖滨社区-2026-网格服务统计.xlsx", download.SuggestedFilename);
        await Chromium.ShotAsync(page, "7-report-zh-1280");

        await page.GetByRole(AriaRole.Button, new() { Name = "Switch to English" }).ClickAsync();
        await Expect(page.Locator("#chart-trend svg")).ToHaveAttributeAsync("aria-label", new Regex("Nov 6.5"));
        await Chromium.ShotAsync(page, "7-report-en-1280");

        var phone = await chromium.NewPageAsync(host.BaseAddress);
        await phone.GotoAsync("/report.html?t=" + Uri.EscapeDataString(organizer));
        await Expect(phone.Locator("#chart-hours svg rect.bar")).ToHaveCountAsync(4);
        await phone.ScreenshotAsync(new() { Path = Path.Combine(Chromium.ScreenshotDirectory, "7-report-zh-390.png") }); // the first screen
        await phone.Locator("#fig-trend").ScreenshotAsync(new() { Path = Path.Combine(Chromium.ScreenshotDirectory, "7-trend-zh-390.png") });
        Assert.Empty(chromium.PageErrors);
    }

    [Fact]
    public async Task A_member_prints_a_numbered_proof_of_their_hours_and_anyone_can_verify_it()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        await using var chromium = await Chromium.LaunchAsync();
        var memberId = await ReportEndpointTests.ServeAsync(host, 3m);

        var page = await chromium.NewPageAsync(host.BaseAddress);
        await page.GotoAsync(Routes.MemberPage(host.MemberToken(memberId)));
        await page.GetByRole(AriaRole.Tab, new() { Name = "记录" }).ClickAsync();
        await Expect(page.Locator("#year-hours")).ToHaveTextAsync("3");
        await Expect(page.Locator("#year-points")).ToHaveTextAsync("4"); // 3 hours + a five-star rating
        await Expect(page.Locator("#year-quota")).ToContainTextAsync("年度任务未完成：心愿 0/2，岗位 0/1");
        await Chromium.ShotAsync(page, "8-tally-zh-390");

        await page.GetByRole(AriaRole.Button, new() { Name = "打印服务时长证明" }).ClickAsync();
        await Chromium.ArriveAsync(page, "**/proof.html?n=ZM-2026-*");
        var number = new Uri(page.Url).Query.Split('&')[0][3..];
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "服务时长证明" })).ToBeVisibleAsync();
        await Expect(page.Locator("#proof-number")).ToHaveTextAsync(number);
        await Expect(page.Locator("#proof-body")).ToContainTextAsync("服务时长共计 3 小时，服务 1 次");
        await Expect(page.Locator("#proof-body")).ToContainTextAsync("湖滨社区");
        await Expect(page.Locator("#proof-link")).ToHaveTextAsync("http://127.0.0.1" + ReportRoutes.VerifyPage(number));
        var qr = page.Locator("#proof-qr"); // the verification address as a QR code, drawn
        await Expect(qr).ToBeVisibleAsync();
        await Expect(qr).ToHaveAttributeAsync("src", new Regex("^data:image/svg\\+xml"));
        await Expect(qr).ToHaveAttributeAsync("alt", "核验网址的二维码");
        Assert.True(await qr.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "the QR code is an image the browser drew");
        await Chromium.ShotAsync(page, "8-proof-zh-390");

        // Printed on A4: the header and buttons go, the sheet stays.
        var desk = await chromium.NewPageAsync(host.BaseAddress, phone: false);
        await desk.GotoAsync(ReportRoutes.ProofPage(number, host.MemberToken(memberId)));
        await Expect(desk.Locator("#proof-number")).ToHaveTextAsync(number);
        await desk.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(desk.Locator("#print")).ToBeHiddenAsync();
        await Expect(desk.Locator("#proof-qr")).ToBeVisibleAsync(); // printed with the sheet
        await Chromium.ShotAsync(desk, "8-proof-print-1280");
        Directory.CreateDirectory(Chromium.ScreenshotDirectory);
        var pdf = await desk.PdfAsync(new() { Path = Path.Combine(Chromium.ScreenshotDirectory, "8-proof-a4.pdf"), Format = "A4", PrintBackground = true, PreferCSSPageSize = true });
        Assert.True(pdf.Length > 1000);
        Assert.Single(Regex.Matches(System.Text.Encoding.Latin1.GetString(pdf), @"/Type\s*/Page[^s]")); // one A4 page

        // Anyone can check it, with no token; an unknown number says so.
        var stranger = await chromium.NewPageAsync(host.BaseAddress);
        await stranger.GotoAsync(ReportRoutes.VerifyPage(number));
        var verdict = stranger.Locator("#result .verdict");
        await Expect(verdict).ToContainTextAsync("有效");
        await Expect(verdict).ToContainTextAsync("3 小时");
        await Expect(verdict).ToContainTextAsync("湖滨社区");
        await Chromium.ShotAsync(stranger, "8-verify-zh-390");
        await stranger.GetByLabel("证明编号").FillAsync("ZM-2026-0000000000");
        await stranger.GetByRole(AriaRole.Button, new() { Name = "核验" }).ClickAsync();
        await Expect(stranger.Locator("#result .verdict")).ToContainTextAsync("未找到这个编号");
        await Chromium.ShotAsync(stranger, "8-verify-unknown-zh-390");
        Assert.Empty(chromium.PageErrors);
    }
}
