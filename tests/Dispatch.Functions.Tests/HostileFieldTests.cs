using Dispatch.Testing;
using static Dispatch.Functions.Tests.AzureHost;

namespace Dispatch.Functions.Tests;

/// <summary>The shared rules on the Azure host: ids keys cannot hold, control characters, out-of-range
/// years and a reused idempotency key are refused by field, as on the local host.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class HostileFieldTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Bad_ids_text_and_years_are_400_by_field_and_a_reused_key_is_422_without_a_token()
    {
        await using var host = await StartAsync(azurite, SlowPolicy);

        var (status, problem, _) = Read(await host.Orders.PlaceAsync(Request("POST", "/api/orders", Form(community: "../x")), host.Client, default));
        Assert.Equal((400, true), (status, problem.GetProperty("errors").TryGetProperty("communityId", out _)));
        var controlName = new { kind = "Service", category = "Repair", communityId = CommunityId, gridId = "g1", buildingId = "b1", name = "王\u202E秀英", phone = "13812345678", address = "1 幢", description = "漏水" };
        (status, problem, _) = Read(await host.Orders.PlaceAsync(Request("POST", "/api/orders", controlName), host.Client, default));
        Assert.Equal((400, true), (status, problem.GetProperty("errors").TryGetProperty("name", out _)));
        (status, problem, _) = Read(await host.Orders.GetAsync(Request("GET", "/x", token: host.OrganizerToken()), "o😀", default));
        Assert.Equal((400, true), (status, problem.GetProperty("errors").TryGetProperty("orderId", out _)));
        (status, problem, _) = Read(await host.Members.RecordsAsync(Request("GET", "/api/members/me/records?year=-1", token: host.MemberToken("m1")), default));
        Assert.Equal((400, true), (status, problem.GetProperty("errors").TryGetProperty("year", out _)));

        var (first, placed, _) = Read(await host.Orders.PlaceAsync(Request("POST", "/api/orders", Form(), idempotencyKey: "k-422"), host.Client, default));
        Assert.Equal(201, first);
        var (reused, body, type) = Read(await host.Orders.PlaceAsync(Request("POST", "/api/orders", Form(building: "b2"), idempotencyKey: "k-422"), host.Client, default));
        Assert.Equal(422, reused);
        Assert.StartsWith("application/problem+json", type);
        Assert.EndsWith("/idempotency-key-reused", body.GetProperty("type").GetString());
        Assert.DoesNotContain(placed.GetProperty("token").GetString()!, body.ToString());
        var (again, same, _) = Read(await host.Orders.PlaceAsync(Request("POST", "/api/orders", Form(), idempotencyKey: "k-422"), host.Client, default));
        Assert.Equal((200, placed.GetProperty("orderId").GetString()), (again, same.GetProperty("orderId").GetString()));
    }
}
