using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dispatch.Local.Tests.Channels;

/// <summary>An SMS provider of the shape the host speaks (POST <c>{to, text}</c> with a Bearer key) on a free loopback
/// port: it keeps what it was sent, or answers 503 while <see cref="Down"/>.</summary>
public sealed class FakeSmsProvider : IAsyncDisposable
{
    public const string Key = "test-sms-key";

    private readonly WebApplication _app;

    private FakeSmsProvider(WebApplication app) => _app = app;

    public ConcurrentQueue<(string To, string Text)> Sent { get; } = new();

    public bool Down { get; set; }

    /// <summary>How many sends were refused while down.</summary>
    public int Refused => _refused;

    private int _refused;

    public Uri Url { get; private set; } = new("http://127.0.0.1/");

    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Sms:ProviderUrl"] = new Uri(Url, "send").ToString(),
        ["Sms:ApiKey"] = Key,
    };

    public static async Task<FakeSmsProvider> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var provider = new FakeSmsProvider(app);
        app.MapPost("/send", async (HttpRequest request, SmsBody body) =>
        {
            if (request.Headers.Authorization != $"Bearer {Key}")
            {
                return Results.StatusCode(401);
            }

            if (provider.Down)
            {
                Interlocked.Increment(ref provider._refused);
                return Results.StatusCode(503);
            }

            provider.Sent.Enqueue((body.To, body.Text));
            await Task.CompletedTask;
            return Results.Ok();
        });
        await app.StartAsync();
        provider.Url = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");
        return provider;
    }

    public IReadOnlyList<string> TextsTo(string phone) => [.. Sent.Where(s => s.To == phone).Select(s => s.Text)];

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    public sealed record SmsBody(string To, string Text);
}
