using System.Net.Http.Json;
using Dispatch.App.SignIn;
using Dispatch.Testing;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dispatch.Local.Tests.Browser;

/// <summary>A newcomer's first order, end to end on the real pages: they register on a phone through the link the
/// organizer's page hands out, the organizer (signed in by code) approves them, they sign in by code and land on their
/// inbox, a resident in their building orders the service they offer, and they get the offer, accept it and see the
/// resident's contact. Codes come from the demo's /api/demo/codes, as the one person playing every role would read
/// them; the only thing the test does that no person could is pump the background work.</summary>
[Collection(AzuriteCollection.Name)]
public class RegistrationToOfferWalkTests(AzuriteFixture azurite)
{
    private const string Newcomer = "孙新来";
    private const string NewcomerPhone = "13600000088";
    private const string ResidentPhone = "13812340000";

    [Fact]
    public async Task A_newcomer_registers_is_approved_signs_in_and_accepts_the_first_order_in_their_building()
    {
        // The browser's clock: it drops a session cookie whose expiry is already past on its own clock.
        await using var host = await LocalHostFixture.StartAsync(azurite, clock: new FakeTimeProvider(DateTimeOffset.UtcNow));
        await using var chromium = await Chromium.LaunchAsync();

        // The organizer signs in and finds the community's registration link on their page.
        var desk = await chromium.NewPageAsync(host.BaseAddress, phone: false);
        await desk.GotoAsync("/signin.html");
        await SignInPage.SignInAsync(desk, "13800000001", DemoCodes(host));
        await Chromium.ArriveAsync(desk, "**/organizer.html");
        Assert.DoesNotContain("t=", desk.Url, StringComparison.Ordinal);
        var shown = desk.Locator("#registration-url");
        await Expect(shown).ToBeVisibleAsync();
        await Expect(desk.Locator("#registration-qr")).ToBeVisibleAsync();
        // The link names the public address (Dispatch:PublicBaseUrl, without this host's port): open its page and
        // query here, as a newcomer scanning the printed code would open it.
        var link = new Uri((await shown.GetAttributeAsync("href"))!);
        Assert.Equal("/register.html", link.AbsolutePath);

        // The newcomer registers on a 390 px phone: 第一网格 2号楼, where no member offers small repairs yet.
        var phone = await chromium.NewPageAsync(host.BaseAddress);
        await phone.GotoAsync(link.PathAndQuery);
        await Expect(phone.Locator("#community")).ToHaveTextAsync("报到社区：湖滨社区");
        await phone.GetByLabel("姓名").FillAsync(Newcomer);
        await phone.GetByLabel("手机号").FillAsync(NewcomerPhone);
        await phone.GetByLabel("网格").SelectOptionAsync(new SelectOptionValue { Label = "第一网格" });
        await phone.GetByLabel("楼栋").SelectOptionAsync(new SelectOptionValue { Label = "2号楼" });
        await phone.GetByLabel("小修小补").CheckAsync();
        await phone.GetByLabel("任何时间").CheckAsync();
        Assert.True(await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 390"), "no sideways scrolling at 390 px");
        await phone.GetByRole(AriaRole.Button, new() { Name = "提交报到" }).ClickAsync();
        await Expect(phone.Locator("#reg-status")).ToHaveTextAsync("待审核");
        await Chromium.ShotAsync(phone, "13-walk-registered-zh-390");

        // The organizer sees the registration (after a refresh) and approves it.
        await desk.ReloadAsync();
        var card = desk.Locator("#registrations article.registration", new() { HasText = Newcomer });
        await Expect(card).ToContainTextAsync(NewcomerPhone);
        await card.GetByRole(AriaRole.Button, new() { Name = "通过", Exact = true }).ClickAsync();
        await Expect(desk.Locator("#registrations-status")).ToHaveTextAsync($"已通过，{Newcomer} 已加入党员名册。");
        await Expect(desk.Locator("#roster li", new() { HasText = Newcomer })).ToContainTextAsync("小修小补");

        // The applicant's own page says so; then they sign in with their mobile and land on the inbox, no link in the URL.
        await phone.ReloadAsync();
        await Expect(phone.Locator("#reg-status")).ToHaveTextAsync("已通过");
        await phone.GotoAsync("/signin.html");
        await SignInPage.SignInAsync(phone, NewcomerPhone, DemoCodes(host));
        await Chromium.ArriveAsync(phone, "**/member.html");
        Assert.DoesNotContain("t=", phone.Url, StringComparison.Ordinal);
        await Expect(phone.Locator("#hello")).ToContainTextAsync(Newcomer);

        // A resident of 2号楼 asks for a small repair on the order form.
        var resident = await chromium.NewPageAsync(host.BaseAddress);
        await resident.GotoAsync("/");
        await resident.GetByLabel("服务类别").SelectOptionAsync("Repair");
        await Expect(resident.GetByLabel("社区")).ToHaveValueAsync(LocalHostFixture.CommunityId);
        await resident.GetByLabel("网格").SelectOptionAsync(new SelectOptionValue { Label = "第一网格" });
        await resident.GetByLabel("楼栋").SelectOptionAsync(new SelectOptionValue { Label = "2号楼" });
        await resident.GetByLabel("加急").CheckAsync();
        await resident.GetByLabel("您的称呼").FillAsync("李阿姨");
        await resident.GetByLabel("联系电话").FillAsync(ResidentPhone);
        await resident.GetByLabel("详细地址").FillAsync("2号楼 501 室");
        await resident.GetByLabel("需求说明").FillAsync("卫生间的灯不亮了");
        await resident.GetByRole(AriaRole.Button, new() { Name = "提交" }).ClickAsync();
        await Chromium.ArriveAsync(resident, "**/track.html?o=*");
        await Expect(resident.Locator("#status-word")).ToHaveTextAsync("已派单，待接单");

        // The offer travels through the queue; the newcomer, the only one in 2号楼 offering repairs, ranks first.
        await host.RunLoopsAsync();
        await phone.ReloadAsync();
        var offer = phone.Locator("article.offer", new() { HasText = "卫生间的灯不亮了" });
        await Expect(offer).ToBeVisibleAsync();
        await Expect(offer.Locator(".why")).ToContainTextAsync("同楼栋");
        await Expect(offer).Not.ToContainTextAsync(ResidentPhone); // no contact before accepting
        await Chromium.ShotAsync(phone, "13-walk-offer-zh-390");

        await offer.GetByRole(AriaRole.Button, new() { Name = "接单" }).ClickAsync();
        await Expect(phone.Locator("#action-status")).ToContainTextAsync("已接单");
        var assignment = phone.Locator(".assignment", new() { HasText = "卫生间的灯不亮了" });
        await Expect(assignment.GetByRole(AriaRole.Link, new() { Name = ResidentPhone })).ToHaveAttributeAsync("href", "tel:" + ResidentPhone);
        await Expect(assignment).ToContainTextAsync("李阿姨");
        await Expect(assignment).ToContainTextAsync("2号楼 501 室");
        await Chromium.ShotAsync(phone, "13-walk-accepted-zh-390");

        // And the resident's tracking page names who is coming.
        await resident.ReloadAsync();
        await Expect(resident.Locator("#status-word")).ToHaveTextAsync("已接单");
        await Expect(resident.Locator("#member")).ToContainTextAsync(Newcomer);
        Assert.Empty(chromium.PageErrors);
    }

    /// <summary>The code of a mobile as the demo shows it, at /api/demo/codes.</summary>
    private static Func<string, Task<string>> DemoCodes(LocalHostFixture host) => async mobile =>
        Assert.Single((await host.Http.GetFromJsonAsync<OutboxCode[]>("/api/demo/codes"))!, c => c.Phone == mobile).Code;
}
