using Dispatch.Core.Api;
using Dispatch.Local.Tests.Channels;
using Dispatch.Storage;
using Dispatch.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dispatch.Local.Tests.Browser;

/// <summary>Notification channels on the pages: a member chooses email and SMS on the inbox, a resident agrees to texts
/// on the order form, and organizers see the notices that failed.</summary>
[Collection(AzuriteCollection.Name)]
public class ChannelPageTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_member_turns_on_email_and_sms_on_the_inbox_and_the_choice_is_there_after_a_reload()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        await using var chromium = await Chromium.LaunchAsync();
        const string member = "m001";
        var page = await chromium.NewPageAsync(host.BaseAddress);
        await page.GotoAsync(Routes.MemberPage(host.MemberToken(member)));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "通知方式" })).ToBeVisibleAsync();

        await page.GetByLabel("电子邮箱").FillAsync("not-an-address");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存通知方式" }).ClickAsync();
        await Expect(page.Locator("#ch-email-error")).ToContainTextAsync("请输入有效的电子邮箱地址");

        await page.GetByLabel("电子邮箱").FillAsync("li@example.org");
        await page.GetByLabel("短信通知").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "保存通知方式" }).ClickAsync();
        await Expect(page.Locator("#ch-status")).ToContainTextAsync("已保存");
        await Chromium.ShotAsync(page, "20-channels-zh-390");

        await page.ReloadAsync();
        await Expect(page.GetByLabel("电子邮箱")).ToHaveValueAsync("li@example.org");
        await Expect(page.GetByLabel("短信通知")).ToBeCheckedAsync();
        var stored = await host.CallAsync<ChannelSettingsView>(HttpMethod.Get, ChannelRoutes.MemberChannels, host.MemberToken(member));
        Assert.Equal(("li@example.org", true), (stored.Email, stored.Sms));

        await page.GetByRole(AriaRole.Button, new() { Name = "Switch to English" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "How to reach me" })).ToBeVisibleAsync();
        Assert.Empty(chromium.PageErrors);
    }

    [Fact]
    public async Task A_resident_ticks_texts_on_the_form_and_the_order_keeps_the_choice()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync(host.BaseAddress);
        await page.GotoAsync("/");
        await Expect(page.GetByLabel("短信通知我订单进展")).Not.ToBeCheckedAsync(); // off unless the resident agrees
        await page.GetByLabel("服务类别").SelectOptionAsync("Repair");
        await page.GetByLabel("网格").SelectOptionAsync("g1");
        await page.GetByLabel("楼栋").SelectOptionAsync("b1");
        await page.GetByLabel("您的称呼").FillAsync("张阿姨");
        await page.GetByLabel("联系电话").FillAsync("13812345678");
        await page.GetByLabel("详细地址").FillAsync("1号楼 302 室");
        await page.GetByLabel("短信通知我订单进展").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "提交" }).ClickAsync();
        await Chromium.ArriveAsync(page, "**/track.html?o=*");

        var orderId = new Uri(page.Url).Query.Split('&')[0].Split('=')[1];
        Assert.True((await host.Services.GetRequiredService<OrderStore>().GetAsync(Uri.UnescapeDataString(orderId)))!.Resident.WantsUpdates);
        Assert.Empty(chromium.PageErrors);
    }

    [Fact]
    public async Task Organizers_see_a_text_that_failed_every_retry_on_their_page()
    {
        await using var sms = await FakeSmsProvider.StartAsync();
        sms.Down = true;
        await using var host = await LocalHostFixture.StartAsync(azurite, settings: sms.Settings);
        await using var chromium = await Chromium.LaunchAsync();
        await host.RunLoopsAsync(); // the day's quota nudges go out first, before anyone chooses a channel
        var placed = await host.PlaceAsync(LocalHostFixture.Form(urgent: false));
        var member = (await host.OpenOrderAsync(placed.OrderId)).OfferedTo!;
        await host.CallAsync<ChannelSettingsView>(HttpMethod.Put, ChannelRoutes.MemberChannels, host.MemberToken(member), new ChannelSettingsRequest(null, true));
        await host.RunLoopsAsync();
        foreach (var wait in Dispatch.Core.Notifications.DeliveryPolicy.Default.Delays)
        {
            await host.AdvanceAsync(wait);
        }

        var desk = await chromium.NewPageAsync(host.BaseAddress, phone: false);
        await desk.GotoAsync(Routes.OrganizerPage(host.OrganizerToken()));
        var row = desk.Locator("#failed-deliveries tbody tr");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync(placed.OrderId);
        await Expect(row).ToContainTextAsync("短信");
        await Expect(row).ToContainTextAsync("派单");
        await Expect(row).ToContainTextAsync("sms-provider-503");
        await Chromium.ShotAsync(desk, "21-failed-deliveries-zh-1280");
        Assert.Empty(chromium.PageErrors);
    }
}
