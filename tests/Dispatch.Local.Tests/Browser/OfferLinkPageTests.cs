using Dispatch.Core.Api;
using Dispatch.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dispatch.Local.Tests.Browser;

/// <summary>An offer link on the member page: the one offer to answer and nothing else, and once it has expired a
/// clear message (Chinese, then English) pointing to the inbox or sign-in.</summary>
[Collection(AzuriteCollection.Name)]
public class OfferLinkPageTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task An_offer_link_shows_only_its_offer_and_after_the_deadline_says_it_has_expired()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        var placed = await host.PlaceAsync();
        await host.RunLoopsAsync();
        var offered = await host.OpenOrderAsync(placed.OrderId);
        var deadline = offered.OfferDeadline!.Value;
        var link = Routes.OfferPage(placed.OrderId, host.Links.OfferToken(placed.OrderId, offered.OfferedTo!, deadline));
        await using var chromium = await Chromium.LaunchAsync();
        var phone = await chromium.NewPageAsync(host.BaseAddress);

        await phone.GotoAsync(link);
        await Expect(phone.Locator("#panel-tasks")).ToContainTextAsync("这是一条派单链接，只能查看和答复这一单。");
        var card = phone.Locator($"[data-order=\"{placed.OrderId}\"]");
        await Expect(card.GetByRole(AriaRole.Button, new() { Name = "接单", Exact = true })).ToBeVisibleAsync();
        await Expect(phone.Locator("#tabs")).ToBeHiddenAsync();
        await Expect(phone.Locator("#page-status")).ToBeEmptyAsync();
        await Chromium.ShotAsync(phone, "12-offer-link-zh-390");

        host.Clock.SetUtcNow(deadline + TimeSpan.FromMinutes(16));
        await phone.ReloadAsync();
        await Expect(phone.Locator("#page-status")).ToContainTextAsync("这个链接已过期。派单链接只在答复期限内有效");
        await phone.Locator("#lang-toggle").ClickAsync();
        await phone.ReloadAsync();
        await Expect(phone.Locator("#page-status")).ToContainTextAsync("This link has expired.");
        Assert.Empty(chromium.PageErrors);
    }
}
