using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Dispatch.Core.Api;
using Dispatch.Core.Reports;
using Dispatch.Testing;

namespace Dispatch.Local.Tests.Hosting;

/// <summary>Anonymous order placement and proof verification are limited per client address: past the limit,
/// 429 problem details with Retry-After, nothing stored, and other clients unaffected.</summary>
[Collection(AzuriteCollection.Name)]
public class RateLimitTests(AzuriteFixture azurite)
{
    private static readonly Dictionary<string, string?> TwoPerMinute = new()
    {
        ["RateLimits:PlaceOrderPerMinute"] = "2",
        ["RateLimits:VerifyPerMinute"] = "2",
    };

    private static async Task AssertRateLimitedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("https://dispatch.example/problems/rate-limited", problem.GetProperty("type").GetString());
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.InRange(response.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
    }

    /// <summary>A client on another loopback address (127.0.0.2): Linux routes all of 127/8 to lo.</summary>
    private static HttpClient ClientFrom(string address, Uri baseAddress) => new(new SocketsHttpHandler
    {
        ConnectCallback = async (context, ct) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                socket.Bind(new IPEndPoint(IPAddress.Parse(address), 0));
                await socket.ConnectAsync(context.DnsEndPoint, ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    })
    { BaseAddress = baseAddress };

    [Fact]
    public async Task Placing_orders_past_the_limit_answers_429_stores_nothing_and_leaves_other_clients_alone()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite, settings: TwoPerMinute);
        var first = await host.PlaceAsync();
        var second = await host.PlaceAsync();
        using (var refused = await host.Http.PostAsJsonAsync(Routes.Orders, LocalHostFixture.Form()))
        {
            await AssertRateLimitedAsync(refused);
        }

        using var other = ClientFrom("127.0.0.2", host.BaseAddress);
        using var theirs = await other.PostAsJsonAsync(Routes.Orders, LocalHostFixture.Form());
        Assert.Equal(HttpStatusCode.Created, theirs.StatusCode);
        var third = await theirs.Content.ReadFromJsonAsync<PlaceOrderResponse>(Dispatch.Core.CoreJson.Options);

        // Only the three accepted orders exist; reads with a link are not limited.
        var open = (await host.OpenOrdersAsync()).Select(o => o.OrderId).Order();
        Assert.Equal(new[] { first.OrderId, second.OrderId, third!.OrderId }.Order(), open);
    }

    [Fact]
    public async Task Verifying_proofs_past_the_limit_answers_429()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite, settings: TwoPerMinute);
        var path = ReportRoutes.Proof.Replace("{number}", "ZM-2026-ABCDEFGHJK", StringComparison.Ordinal);
        for (var i = 0; i < 2; i++)
        {
            using var unknown = await host.Http.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        }

        using var refused = await host.Http.GetAsync(path);
        await AssertRateLimitedAsync(refused);
    }
}
