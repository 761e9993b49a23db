using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Dispatch.App.SignIn;
using Dispatch.Testing;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dispatch.Local.Tests.Browser;

/// <summary>Passkeys in Chromium with its virtual authenticator (DevTools' WebAuthn domain, a platform authenticator
/// that verifies the user): an organizer signed in by code adds a passkey, signs out, and signs in again with the
/// passkey alone, landing on the same page. WebAuthn needs a domain, not an IP address, so the site is
/// http://localhost:{port}, which is also its public base URL (the relying party).</summary>
[Collection(AzuriteCollection.Name)]
public class PasskeyPageTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task An_organizer_adds_a_passkey_and_signs_in_with_it_after_signing_out()
    {
        var port = FreePort();
        var site = new Uri($"http://localhost:{port}");
        await using var host = await LocalHostFixture.StartAsync(azurite, clock: new FakeTimeProvider(DateTimeOffset.UtcNow), settings: new Dictionary<string, string?>
        {
            ["urls"] = $"http://127.0.0.1:{port}",
            ["Dispatch:PublicBaseUrl"] = site.ToString().TrimEnd('/'),
        });
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync(site, phone: false);
        var devtools = await page.Context.NewCDPSessionAsync(page);
        await devtools.SendAsync("WebAuthn.enable");
        await devtools.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2",
                ["transport"] = "internal",
                ["hasResidentKey"] = true,
                ["hasUserVerification"] = true,
                ["isUserVerified"] = true,
                ["automaticPresenceSimulation"] = true,
            },
        });

        await page.GotoAsync("/signin.html");
        await page.GetByLabel("手机号").FillAsync("13800000001");
        await page.GetByRole(AriaRole.Button, new() { Name = "获取验证码" }).ClickAsync();
        await Expect(page.Locator("#status")).ToContainTextAsync("5 分钟内有效");
        var codes = await host.Http.GetFromJsonAsync<OutboxCode[]>("/api/demo/codes");
        await page.GetByLabel("验证码").FillAsync(Assert.Single(codes!).Code);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        await Chromium.ArriveAsync(page, "**/organizer.html");

        await page.GetByRole(AriaRole.Button, new() { Name = "添加通行密钥" }).ClickAsync();
        await Expect(page.Locator("#add-passkey")).ToHaveTextAsync("通行密钥已添加");
        await page.GetByRole(AriaRole.Button, new() { Name = "退出登录" }).ClickAsync();
        await Chromium.ArriveAsync(page, "**/signin.html");

        await page.GetByRole(AriaRole.Button, new() { Name = "用通行密钥登录" }).ClickAsync();
        await Chromium.ArriveAsync(page, "**/organizer.html");
        await Expect(page.Locator("#orders-title")).ToBeVisibleAsync();
        await Chromium.ShotAsync(page, "13-passkey-signed-in-organizer");
        Assert.Empty(chromium.PageErrors);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
