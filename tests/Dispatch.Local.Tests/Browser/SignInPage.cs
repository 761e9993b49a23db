using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dispatch.Local.Tests.Browser;

/// <summary>What a person does on signin.html: types the mobile, presses 获取验证码, reads the code where it was sent
/// (<paramref name="codeOf"/>: the demo's /api/demo/codes, or the test host's outbox standing in for the SMS), types
/// it and presses 登录. Where the page goes next is the caller's to check.</summary>
internal static class SignInPage
{
    public static async Task SignInAsync(IPage page, string mobile, Func<string, Task<string>> codeOf)
    {
        await page.GetByLabel("手机号").FillAsync(mobile);
        await page.GetByRole(AriaRole.Button, new() { Name = "获取验证码" }).ClickAsync();
        await Expect(page.Locator("#status")).ToContainTextAsync("5 分钟内有效");
        await page.GetByLabel("验证码").FillAsync(await codeOf(mobile));
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
    }
}
