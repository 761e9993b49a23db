using System.Net.Http.Json;
using Dispatch.App.SignIn;
using Dispatch.Storage;
using Dispatch.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dispatch.Local.Tests.Browser;

/// <summary>Sign-in in the browser, as one person tries it on the demo: the inbox without a link sends them to sign
/// in, the code comes from the demo's /api/demo/codes, and they land back on the inbox, with no token in the URL.</summary>
[Collection(AzuriteCollection.Name)]
public class SignInPageTests(AzuriteFixture azurite)
{
    /// <summary>A host whose clock is the browser's: the browser drops a cookie whose expiry is already past on its
    /// own clock, and the fixture's usual clock is a week behind.</summary>
    private Task<LocalHostFixture> StartAsync() => LocalHostFixture.StartAsync(azurite, clock: new FakeTimeProvider(DateTimeOffset.UtcNow));

    private static async Task<string> DemoCodeAsync(LocalHostFixture host, string phone)
    {
        var codes = await host.Http.GetFromJsonAsync<OutboxCode[]>("/api/demo/codes");
        return Assert.Single(codes!, c => c.Phone == phone).Code;
    }

    [Fact]
    public async Task A_member_opening_the_inbox_without_a_link_signs_in_with_the_demo_code_and_lands_on_the_inbox()
    {
        await using var host = await StartAsync();
        var member = (await host.Services.GetRequiredService<MemberStore>().GetAsync(LocalHostFixture.CommunityId, "m005"))!;
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync(host.BaseAddress);

        await page.GotoAsync("/member.html");
        await Chromium.ArriveAsync(page, "**/signin.html?next=*");
        await page.GetByLabel("手机号").FillAsync(member.Phone);
        await page.GetByRole(AriaRole.Button, new() { Name = "获取验证码" }).ClickAsync();
        await Expect(page.Locator("#status")).ToContainTextAsync("5 分钟内有效");
        await page.GetByLabel("验证码").FillAsync(await DemoCodeAsync(host, member.Phone));
        await Chromium.ShotAsync(page, "12-signin-zh");
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();

        await Chromium.ArriveAsync(page, "**/member.html");
        await Expect(page.Locator("#hello")).ToContainTextAsync(member.Name);
        Assert.DoesNotContain("t=", page.Url, StringComparison.Ordinal);
        await Chromium.ShotAsync(page, "12-signed-in-inbox-zh");

        await page.GetByRole(AriaRole.Button, new() { Name = "退出登录" }).ClickAsync();
        await Chromium.ArriveAsync(page, "**/signin.html");
        await page.GotoAsync("/member.html");
        await Chromium.ArriveAsync(page, "**/signin.html?next=*"); // the session is over
        Assert.Empty(chromium.PageErrors);
    }

    [Fact]
    public async Task An_organizer_signs_in_on_the_sign_in_page_and_lands_on_the_organizer_page()
    {
        await using var host = await StartAsync();
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync(host.BaseAddress, phone: false);

        await page.GotoAsync("/signin.html");
        await page.GetByLabel("手机号").FillAsync("13800000001");
        await page.GetByRole(AriaRole.Button, new() { Name = "获取验证码" }).ClickAsync();
        await Expect(page.Locator("#status")).ToContainTextAsync("5 分钟内有效"); // sent
        await page.GetByLabel("验证码").FillAsync(await DemoCodeAsync(host, "13800000001"));
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();

        await Chromium.ArriveAsync(page, "**/organizer.html");
        await Expect(page.Locator("#orders-title")).ToBeVisibleAsync();
        await Expect(page.Locator("#roster")).ToContainTextAsync(await FirstActiveNameAsync(host));
        Assert.Empty(chromium.PageErrors);
    }

    private static async Task<string> FirstActiveNameAsync(LocalHostFixture host) =>
        (await host.Services.GetRequiredService<MemberStore>().ListAsync(LocalHostFixture.CommunityId)).First(m => m.Active).Name;
}
