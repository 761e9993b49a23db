using System.Net;
using Dispatch.Core.Api;
using Dispatch.Core.Reports;
using Dispatch.Functions.Http;
using Dispatch.Testing;
using Microsoft.AspNetCore.Http;
using static Dispatch.Functions.Tests.AzureHost;

namespace Dispatch.Functions.Tests;

/// <summary>On Azure, order placement is limited per client as on the local host (the shared
/// ClientRateLimiter, settings RateLimits:*). The client is the address the trusted front end appended to
/// X-Forwarded-For (RateLimits:ForwardedHops), so a client cannot escape its limit by sending its own header.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class RateLimitTests(AzuriteFixture azurite)
{
    private static readonly Dictionary<string, string?> TwoPerMinuteBehindOneProxy = new()
    {
        ["RateLimits:PlaceOrderPerMinute"] = "2",
        ["RateLimits:ForwardedHops"] = "1",
    };

    private static HttpRequest From(string forwardedFor)
    {
        var request = Request("POST", Routes.Orders, Form());
        request.HttpContext.Connection.RemoteIpAddress = IPAddress.Loopback; // the host's own proxy hop
        request.Headers["X-Forwarded-For"] = forwardedFor;
        return request;
    }

    [Fact]
    public async Task Placing_orders_past_the_limit_answers_429_stores_nothing_and_leaves_other_clients_alone()
    {
        await using var host = await StartAsync(azurite, SlowPolicy, settings: TwoPerMinuteBehindOneProxy);
        var accepted = new List<string>();
        foreach (var forwarded in new[] { "203.0.113.7:50112", "198.51.100.1, 203.0.113.7" })
        {
            var (status, body, _) = Read(await host.Orders.PlaceAsync(From(forwarded), host.Client, default));
            Assert.Equal(201, status);
            accepted.Add(body.GetProperty("orderId").GetString()!);
        }

        // The same client, claiming another address on the left of the header: still the same client.
        foreach (var forwarded in new[] { "203.0.113.7", "192.0.2.99, 203.0.113.7:61000" })
        {
            var refused = From(forwarded);
            var (status, body, contentType) = Read(await host.Orders.PlaceAsync(refused, host.Client, default));
            Assert.Equal(429, status);
            Assert.StartsWith("application/problem+json", contentType, StringComparison.Ordinal);
            Assert.Equal("https://dispatch.example/problems/rate-limited", body.GetProperty("type").GetString());
            Assert.False(body.TryGetProperty("token", out _));
            Assert.True(int.TryParse(refused.HttpContext.Response.Headers.RetryAfter, out var seconds) && seconds is >= 1 and <= 60);
        }

        var (otherStatus, other, _) = Read(await host.Orders.PlaceAsync(From("203.0.113.8"), host.Client, default));
        Assert.Equal(201, otherStatus);
        accepted.Add(other.GetProperty("orderId").GetString()!);

        // Only the accepted orders exist.
        var (listed, list, _) = Read(await host.Organizer.OrdersAsync(Request("GET", Routes.OrganizerOrders, token: host.OrganizerToken()), default));
        Assert.Equal(200, listed);
        Assert.Equal(accepted.Order(), list.EnumerateArray().Select(o => o.GetProperty("orderId").GetString()!).Order());
    }

    [Fact]
    public async Task Verifying_proofs_past_the_limit_answers_429()
    {
        await using var host = await StartAsync(azurite, SlowPolicy, settings: new Dictionary<string, string?> { ["RateLimits:VerifyPerMinute"] = "2" });
        var proofs = host.Get<ProofFunctions>();
        const string number = "ZM-2026-ABCDEFGHJK";
        var path = ReportRoutes.Proof.Replace("{number}", number, StringComparison.Ordinal);
        for (var i = 0; i < 2; i++)
        {
            var unknown = Request("GET", path);
            Assert.Equal(404, (await host.AnswerAsync(unknown, await proofs.VerifyAsync(unknown, number, default))).Status);
        }

        var refused = Request("GET", path);
        var answer = await host.AnswerAsync(refused, await proofs.VerifyAsync(refused, number, default));
        Assert.Equal(429, answer.Status);
        Assert.Equal("https://dispatch.example/problems/rate-limited", answer.Json.GetProperty("type").GetString());
        Assert.True(int.TryParse(refused.HttpContext.Response.Headers.RetryAfter, out var seconds) && seconds is >= 1 and <= 60);
    }
}
