using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Core.Api;
using Dispatch.Core.Photos;
using Dispatch.Storage;
using Dispatch.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Local.Tests;

/// <summary>A resident's optional photo on an order: stored without location data, shown to the member only once
/// they accepted, refused with problem details when it is not a small JPEG, PNG or WebP, erased with the order's
/// personal data.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class OrderPhotoTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_photo_with_gps_exif_is_served_without_it_and_to_the_member_only_after_accepting()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        var (placed, resident, route) = await PlaceAsync(host);
        var member = (await host.OpenOrderAsync(placed.OrderId)).OfferedTo!;
        Assert.False((await host.CallAsync<ResidentOrderView>(HttpMethod.Get, LocalHostFixture.RouteOf(Routes.Order, placed.OrderId), resident)).HasPhoto);

        using var put = await PutAsync(host, route, resident, CraftedPhotos.Jpeg(1200, 900), "image/jpeg");
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var stored = (await put.Content.ReadFromJsonAsync<PhotoView>())!;
        Assert.Equal(("image/jpeg", 1200, 900), (stored.ContentType, stored.Width, stored.Height));
        using var again = await PutAsync(host, route, resident, CraftedPhotos.Jpeg(1200, 900), "image/jpeg");
        Assert.Equal(stored, await again.Content.ReadFromJsonAsync<PhotoView>());

        using var mine = await host.SendAsync(HttpMethod.Get, route, resident);
        Assert.Equal("image/jpeg", mine.Content.Headers.ContentType?.MediaType);
        var bytes = await mine.Content.ReadAsByteArrayAsync();
        Assert.False(CraftedPhotos.Contains(bytes, CraftedPhotos.GpsText));
        Assert.DoesNotContain((byte)0xE1, CraftedPhotos.JpegMarkers(bytes));
        Assert.True((await host.CallAsync<ResidentOrderView>(HttpMethod.Get, LocalHostFixture.RouteOf(Routes.Order, placed.OrderId), resident)).HasPhoto);
        using (var organizer = await host.SendAsync(HttpMethod.Get, route, host.OrganizerToken()))
        {
            Assert.Equal(bytes, await organizer.Content.ReadAsByteArrayAsync());
        }

        // Offered only: the photo is hidden like other details (404), and the member's view does not mention it.
        using (var offered = await host.SendAsync(HttpMethod.Get, route, host.MemberToken(member)))
        {
            Assert.Equal(HttpStatusCode.NotFound, offered.StatusCode);
        }

        Assert.False((await host.CallAsync<MemberOrderView>(HttpMethod.Get, LocalHostFixture.RouteOf(Routes.Order, placed.OrderId), host.MemberToken(member))).HasPhoto);

        var accepted = await host.CallAsync<MemberOrderView>(HttpMethod.Post, LocalHostFixture.RouteOf(Routes.Accept, placed.OrderId), host.MemberToken(member));
        Assert.True(accepted.HasPhoto);
        Assert.True((await host.CallAsync<InboxView>(HttpMethod.Get, Routes.Inbox, host.MemberToken(member))).Assignments.Single(a => a.OrderId == placed.OrderId).HasPhoto);
        using var theirs = await host.SendAsync(HttpMethod.Get, route, host.MemberToken(member));
        Assert.Equal(HttpStatusCode.OK, theirs.StatusCode);
        Assert.Equal(bytes, await theirs.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Bad_uploads_are_problems_and_a_closed_order_keeps_its_photo()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        var (placed, resident, route) = await PlaceAsync(host);

        await AssertProblemAsync(await PutAsync(host, route, resident, CraftedPhotos.Jpeg(10, 10), "image/gif"), 415, "unsupported-media-type");
        await AssertProblemAsync(await PutAsync(host, route, resident, new byte[PhotoSanitizer.MaxBytes + 1], "image/jpeg"), 413, "photo-too-large");
        await AssertProblemAsync(await PutAsync(host, route, resident, "<html>not a photo</html>"u8.ToArray(), "image/png"), 400, "validation");
        await AssertProblemAsync(await PutAsync(host, route, resident, CraftedPhotos.Png(2400, 1800), "image/png"), 400, "validation", "照片最长边不能超过 1600 像素");
        using (var none = await host.SendAsync(HttpMethod.Get, route, resident))
        {
            Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
        }

        using (var webp = await PutAsync(host, route, resident, CraftedPhotos.Webp(1600, 900), "image/webp"))
        {
            Assert.Equal(HttpStatusCode.OK, webp.StatusCode);
        }

        await host.CallAsync<ResidentOrderView>(HttpMethod.Post, LocalHostFixture.RouteOf(Routes.Cancel, placed.OrderId), resident, new ReasonRequest("不需要了"));
        await AssertProblemAsync(await PutAsync(host, route, resident, CraftedPhotos.Png(100, 100), "image/png"), 409, "closed");
        using var kept = await host.SendAsync(HttpMethod.Get, route, resident);
        Assert.Equal("image/webp", kept.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Erasing_the_orders_personal_data_deletes_its_photo()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        var (placed, resident, route) = await PlaceAsync(host);
        using (var put = await PutAsync(host, route, resident, CraftedPhotos.Png(300, 200), "image/png"))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        await host.CallAsync<ResidentOrderView>(HttpMethod.Post, LocalHostFixture.RouteOf(Routes.Cancel, placed.OrderId), resident, new ReasonRequest("不需要了"));
        var photos = host.Services.GetRequiredService<PhotoStore>();
        Assert.True(await photos.ExistsAsync(placed.OrderId, CancellationToken.None));

        await host.AdvanceAsync(TimeSpan.FromDays(181));

        Assert.False(await photos.ExistsAsync(placed.OrderId, CancellationToken.None));
        resident = host.ResidentToken(placed.OrderId); // the first link has expired by now
        using var gone = await host.SendAsync(HttpMethod.Get, route, resident);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.False((await host.CallAsync<ResidentOrderView>(HttpMethod.Get, LocalHostFixture.RouteOf(Routes.Order, placed.OrderId), resident)).HasPhoto);
    }

    /// <summary>A new order, its resident's link and its photo's route.</summary>
    private static async Task<(PlaceOrderResponse Placed, string Resident, string Route)> PlaceAsync(LocalHostFixture host)
    {
        var placed = await host.PlaceAsync();
        return (placed, host.ResidentToken(placed.OrderId), LocalHostFixture.RouteOf(Routes.Photo, placed.OrderId));
    }

    private static async Task<HttpResponseMessage> PutAsync(LocalHostFixture host, string route, string token, byte[] bytes, string contentType)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, route) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await host.Http.SendAsync(request);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, int status, string type, string? startsWith = null)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.Equal(status, (int)response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains($"/problems/{type}\"", body, StringComparison.Ordinal);
            if (startsWith is not null)
            {
                using var json = JsonDocument.Parse(body);
                Assert.StartsWith(startsWith, json.RootElement.GetProperty("errors").GetProperty("photo")[0].GetString(), StringComparison.Ordinal);
            }
        }
    }
}
