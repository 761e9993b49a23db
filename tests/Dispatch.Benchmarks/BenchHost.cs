using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Core;
using Dispatch.App.SignedLinks;
using Dispatch.Local.Hosting;
using Dispatch.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Dispatch.Benchmarks;

/// <summary>The local host in this process, as tests/Dispatch.Local.Tests/LocalHostFixture starts it:
/// Kestrel on 127.0.0.1 with a free port, storage on the given Azurite under a fresh table prefix, demo
/// data seeded, a clock the benchmark moves, background loops off (pumped by <see cref="RunLoopsAsync"/>).
/// Host warnings and errors go to stderr.</summary>
public sealed class BenchHost : IAsyncDisposable
{
    /// <summary>Monday 23 November 2026, 10:00 China Standard Time (as the local host's tests).</summary>
    public static readonly DateTimeOffset Monday10 = new(2026, 11, 23, 10, 0, 0, TimeSpan.FromHours(8));

    private readonly WebApplication _app;

    private BenchHost(WebApplication app, FakeTimeProvider? clock, string prefix)
    {
        _app = app;
        Clock = clock;
        Prefix = prefix;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address);
        Http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        Links = app.Services.GetRequiredService<Links>();
    }

    /// <summary>The clock the benchmark moves; null when the host runs on the real clock with its loops on.</summary>
    public FakeTimeProvider? Clock { get; }

    public string Prefix { get; }

    public Uri BaseAddress { get; }

    public HttpClient Http { get; }

    public Links Links { get; }

    public IServiceProvider Services => _app.Services;

    /// <param name="liveLoops">The host as it runs: the real clock and its own background loop (woken by the request
    /// path, sleeping otherwise), for idle and delivery figures.</param>
    public static async Task<BenchHost> StartAsync(AzuriteFixture azurite, bool liveLoops = false)
    {
        if (StorageMeter.FollowUpSource != Dispatch.Local.Orders.DeferredEffects.TracingName)
        {
            throw new InvalidOperationException("The storage meter would not tell the follow-ups' requests: its span name is not the host's.");
        }

        var clock = liveLoops ? null : new FakeTimeProvider(Monday10);
        var prefix = AzuriteFixture.NewPrefix();
        var webRoot = Path.Combine(AzuriteFixture.FindRepoRoot(), "functions", "Dispatch.Local", "wwwroot");
        var app = LocalHost.Build(["--urls", "http://127.0.0.1:0", "--webroot", webRoot], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Dispatch:PublicBaseUrl"] = "http://127.0.0.1",
                ["Dispatch:Demo"] = "true", // the demo community, signed with the demo key
                ["Dispatch:RunBackgroundLoops"] = liveLoops ? "true" : "false",
                ["Storage:ConnectionString"] = azurite.ConnectionString,
                ["Storage:TablePrefix"] = prefix,
                // One client places every order: the per-client limit would refuse most of a run.
                ["RateLimits:PlaceOrderPerMinute"] = "100000",
            });
            builder.Logging.ClearProviders()
                .AddSimpleConsole(o => o.SingleLine = true)
                .AddFilter((_, level) => level >= LogLevel.Warning);
            builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
            if (clock is not null)
            {
                builder.Services.AddSingleton<TimeProvider>(clock);
            }
        });
        await app.StartAsync();
        return new BenchHost(app, clock, prefix);
    }

    /// <summary>One pass of the timer pump, the queue consumer and the outbox sweeper.</summary>
    public Task RunLoopsAsync() => BackgroundLoops.RunOnceAsync(_app.Services, CancellationToken.None);

    /// <summary>Waits for the follow-ups of the actions answered so far.</summary>
    public Task SettleFollowUpsAsync() => _app.Services.GetRequiredService<Dispatch.Local.Orders.FollowUpTracker>().SettledAsync(CancellationToken.None);

    /// <summary>Sends and reads a successful answer; a failure throws with the method, path, status and body.</summary>
    /// <param name="idempotencyKey">Sent as the page sends it when placing an order.</param>
    public async Task<T> CallAsync<T>(HttpMethod method, string path, string? token, object? body = null, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (body is not null || method == HttpMethod.Post)
        {
            request.Content = JsonContent.Create(body ?? new { });
        }

        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new CycleFailedException($"{method} {path} → {(int)response.StatusCode}: {text}");
        }

        return JsonSerializer.Deserialize<T>(text, CoreJson.Options)
               ?? throw new CycleFailedException($"{method} {path} → {(int)response.StatusCode}: empty body");
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

public sealed class CycleFailedException(string message) : Exception(message);
