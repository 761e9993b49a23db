using Dispatch.Core.Api;
using Dispatch.Core.Photos;
using Dispatch.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dispatch.Local.Tests.Browser;

/// <summary>The resident adds a photo on the tracking page: the page shrinks a large photo and sends a JPEG without
/// its location; the member sees it on the accepted assignment.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class PhotoPageTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_large_photo_with_gps_is_shrunk_sent_without_it_and_shown_to_the_member_after_accepting()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        await using var chromium = await Chromium.LaunchAsync();
        var placed = await host.PlaceAsync();
        var memberId = (await host.OpenOrderAsync(placed.OrderId)).OfferedTo!;
        var page = await chromium.NewPageAsync(host.BaseAddress);

        await page.GotoAsync(Routes.TrackingPage(placed.OrderId, host.ResidentToken(placed.OrderId)));
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "添加照片（选填）" })).ToBeVisibleAsync();
        await page.Locator("#photo-file").SetInputFilesAsync(new FilePayload
        {
            Name = "photo.png", MimeType = "image/png", Buffer = CraftedPhotos.Png(3200, 2400),
        });
        await Expect(page.Locator("#photo-status")).ToContainTextAsync("照片已保存");
        await Expect(page.Locator("#photo-img")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "更换照片" })).ToBeVisibleAsync();
        await Chromium.ShotAsync(page, "photo-track-zh-390");

        using var stored = await host.SendAsync(HttpMethod.Get, LocalHostFixture.RouteOf(Routes.Photo, placed.OrderId), host.ResidentToken(placed.OrderId));
        Assert.Equal("image/jpeg", stored.Content.Headers.ContentType?.MediaType);
        var bytes = await stored.Content.ReadAsByteArrayAsync();
        Assert.False(CraftedPhotos.Contains(bytes, CraftedPhotos.GpsText));
        var photo = PhotoSanitizer.Sanitize(bytes, "image/jpeg");
        Assert.Equal((1600, 1200), (photo.Width, photo.Height));

        await host.CallAsync<MemberOrderView>(HttpMethod.Post, LocalHostFixture.RouteOf(Routes.Accept, placed.OrderId), host.MemberToken(memberId));
        var member = await chromium.NewPageAsync(host.BaseAddress);
        await member.GotoAsync(Routes.MemberPage(host.MemberToken(memberId)));
        await Expect(member.Locator($".assignment[data-order='{placed.OrderId}'] .order-photo img")).ToBeVisibleAsync();
        Assert.Empty(chromium.PageErrors);
    }
}
