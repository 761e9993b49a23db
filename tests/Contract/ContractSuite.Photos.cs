using Dispatch.Core.Api;
using Dispatch.Testing;

namespace Dispatch.Contract.Tests;

/// <summary>An order's photo on both hosts: stored without location data, shown to the member only once accepted.</summary>
public abstract partial class ContractSuite
{
    [Fact]
    public async Task A_photo_is_stored_without_its_gps_and_shown_to_the_member_only_after_accepting()
    {
        await using var host = await StartAsync();
        var (orderId, resident) = await PlaceAsync(host);
        var member = (await OfferedToAsync(host, orderId, m => m is not null))!;
        var route = Order(Routes.Photo, orderId);

        var stored = await UploadAsync(host, route, resident, new RawBody(CraftedPhotos.Jpeg(1200, 900), "image/jpeg"));
        Assert.Equal(200, stored.Status);
        Assert.Equal(1200, stored.Json.GetProperty("width").GetInt32());
        Assert.Equal((415, "unsupported-media-type"), Problem(await UploadAsync(host, route, resident, new RawBody([1, 2, 3], "image/gif"))));
        Assert.Equal((400, "validation"), Problem(await UploadAsync(host, route, resident, new RawBody(CraftedPhotos.Png(9, 9), "image/jpeg"))));

        var mine = await SendAsync(host, "GET", route, resident);
        Assert.Equal((200, "image/jpeg"), (mine.Status, mine.ContentType.Split(';')[0]));
        Assert.False(CraftedPhotos.Contains(mine.Bytes, CraftedPhotos.GpsText));
        Assert.Equal((404, "not-found"), Problem(await SendAsync(host, "GET", route, host.MemberToken(member))));

        Applied(await SendAsync(host, "POST", Order(Routes.Accept, orderId), host.MemberToken(member)));
        Assert.True((await WaitForStatusAsync(host, orderId, resident, "Accepted")).GetProperty("hasPhoto").GetBoolean());
        var theirs = await SendAsync(host, "GET", route, host.MemberToken(member));
        Assert.Equal(200, theirs.Status);
        Assert.Equal(mine.Bytes, theirs.Bytes);
    }

    private static async Task<ContractAnswer> UploadAsync(IContractHost host, string route, string token, RawBody body)
    {
        var answer = await host.SendAsync("PUT", route, token, raw: body);
        CheckProblem(answer);
        return answer;
    }
}
