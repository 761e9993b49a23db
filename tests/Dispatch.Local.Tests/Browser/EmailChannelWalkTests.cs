using System.Text.RegularExpressions;
using Dispatch.Core.Api;
using Dispatch.Local.Tests.Channels;
using Dispatch.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dispatch.Local.Tests.Browser;

/// <summary>A member gives an email address on the inbox page, and the next offer arrives at a real local SMTP server
/// (maildev) with a link that opens that order in the browser.</summary>
[Collection(AzuriteCollection.Name)]
public sealed partial class EmailChannelWalkTests(AzuriteFixture azurite, MailDevFixture mail) : IClassFixture<MailDevFixture>
{
    [Fact]
    public async Task An_address_given_on_the_inbox_page_receives_the_offer_whose_link_opens_it()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite, settings: mail.Settings);
        await using var chromium = await Chromium.LaunchAsync();
        await host.RunLoopsAsync(); // the day's quota nudges go out first, before anyone chooses a channel
        var placed = await host.PlaceAsync(); // the offer waits in the queue until the loops run
        var member = (await host.OpenOrderAsync(placed.OrderId)).OfferedTo!;
        var address = $"walk-{member}@example.org";

        var page = await chromium.NewPageAsync(host.BaseAddress);
        await page.GotoAsync(Routes.MemberPage(host.MemberToken(member)));
        await page.GetByLabel("电子邮箱").FillAsync(address);
        await page.GetByRole(AriaRole.Button, new() { Name = "保存通知方式" }).ClickAsync();
        await Expect(page.Locator("#ch-status")).ToContainTextAsync("已保存");
        Assert.Empty(await mail.ToAsync(address));

        await host.RunLoopsAsync(); // delivers the offer: the inbox, and the email
        var received = Assert.Single(await mail.ToAsync(address));
        Assert.Contains("新的服务邀请", received.Subject, StringComparison.Ordinal);
        var link = OfferLink().Match(received.Text).Value;
        Assert.StartsWith("http", link, StringComparison.Ordinal);

        // The link names the public address (Dispatch:PublicBaseUrl); here the host listens on its own port.
        var offer = await chromium.NewPageAsync(host.BaseAddress);
        await offer.GotoAsync(new Uri(link).PathAndQuery);
        await Expect(offer.GetByRole(AriaRole.Button, new() { Name = "接单" })).ToBeVisibleAsync();
        Assert.Empty(chromium.PageErrors);
    }

    [GeneratedRegex(@"https?://\S+/member\.html\?o=\S+")]
    private static partial Regex OfferLink();
}
