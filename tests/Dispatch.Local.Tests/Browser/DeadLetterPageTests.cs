using Dispatch.Core.Api;
using Dispatch.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dispatch.Local.Tests.Browser;

/// <summary>The organizer's list of undeliverable offers on the page, and its "send again" button.</summary>
[Collection(AzuriteCollection.Name)]
public class DeadLetterPageTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task An_organizer_sends_an_undeliverable_offer_again_from_the_page_and_it_leaves_the_list()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        await using var chromium = await Chromium.LaunchAsync();
        var (placed, member) = await host.PlaceUndeliverableAsync();

        var desk = await chromium.NewPageAsync(host.BaseAddress, phone: false);
        await desk.GotoAsync(Routes.OrganizerPage(host.OrganizerToken()));
        var row = desk.Locator($"#dead-letters tr[data-dead-letter='{placed.OrderId}']");
        await Expect(row).ToContainTextAsync("Received 6 times");
        await Chromium.ShotAsync(desk, "10-dead-letters-zh-1280");

        await row.GetByRole(AriaRole.Button, new() { Name = "重新发送" }).ClickAsync();
        await Expect(desk.Locator("#action-status")).ToContainTextAsync($"订单 {placed.OrderId} 的派单已重新发送。");
        await Expect(desk.Locator("#dead-letters")).ToBeHiddenAsync();

        await host.RunLoopsAsync();
        var inbox = await host.CallAsync<InboxView>(HttpMethod.Get, Routes.Inbox, host.MemberToken(member));
        Assert.Equal(placed.OrderId, Assert.Single(inbox.Offers).OrderId);
        Assert.Empty(chromium.PageErrors);
    }
}
