using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Testing;

namespace Dispatch.Local.Tests.Channels;

/// <summary>A local Web Push service (npm web-push-testing) on a free loopback port: it makes subscriptions as a
/// browser's push service would, checks VAPID and decrypts what it receives, and tells what each subscription got.</summary>
public sealed class PushServiceFixture : IAsyncLifetime
{
    private NodeService? _service;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public Uri Base { get; private set; } = new("http://127.0.0.1/");

    public async Task InitializeAsync()
    {
        var port = LoopbackPorts.Free(1)[0];
        Base = new Uri($"http://127.0.0.1:{port}/");
        _service = await NodeService.StartAsync(
            "node_modules/web-push-testing/src/bin/server.js", [$"{port}"], new Uri(Base, "status"), post: true,
            preload: "tests/Dispatch.Local.Tests/Channels/loopback-only.cjs");
    }

    /// <summary>A subscription for <paramref name="applicationServerKey"/>, as <c>PushManager.subscribe</c> gives a page:
    /// its JSON (endpoint, keys) and the client hash to read its messages with.</summary>
    public async Task<(JsonElement Subscription, string ClientHash)> SubscribeAsync(string applicationServerKey)
    {
        using var response = await _http.PostAsJsonAsync(new Uri(Base, "subscribe"), new { applicationServerKey, userVisibleOnly = "true" });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, body.ToString());
        var data = body.GetProperty("data");
        return (data, data.GetProperty("clientHash").GetString()!);
    }

    /// <summary>The decrypted messages the subscription received.</summary>
    public async Task<IReadOnlyList<string>> MessagesAsync(string clientHash)
    {
        using var response = await _http.PostAsJsonAsync(new Uri(Base, "get-notifications"), new { clientHash });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, body.ToString());
        return [.. body.GetProperty("data").GetProperty("messages").EnumerateArray().Select(m => m.GetString()!)];
    }

    /// <summary>The push service forgets the subscription, as when its browser unsubscribed or was reset: what it is
    /// sent from now on is answered 410 Gone.</summary>
    public async Task ExpireAsync(string clientHash)
    {
        using var response = await _http.PostAsync(new Uri(Base, "expire-subscription/" + clientHash), null);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        if (_service is not null)
        {
            await _service.DisposeAsync();
        }
    }
}
