using Microsoft.AspNetCore.Builder;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Core;
using Dispatch.Core.Api;
using Dispatch.App.SignedLinks;
using Dispatch.Local.Hosting;
using Dispatch.Storage;
using Dispatch.Testing;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Dispatch.Local.Tests;

/// <summary>One real local host: Kestrel on 127.0.0.1 with a free port, storage on the shared Azurite
/// under its own table prefix, demo data seeded, a clock the test moves, background loops off (the test
/// runs them with <see cref="RunLoopsAsync"/>).</summary>
public sealed class LocalHostFixture : IAsyncDisposable
{
    /// <summary>Monday 23 November 2026, 10:00 China Standard Time.</summary>
    public static readonly DateTimeOffset Monday10 = new(2026, 11, 23, 10, 0, 0, TimeSpan.FromHours(8));

    private readonly WebApplication _app;

    private LocalHostFixture(WebApplication app, FakeTimeProvider clock, string prefix, CapturedLogs logs)
    {
        _app = app;
        Clock = clock;
        Prefix = prefix;
        Logs = logs;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address);
        Http = new HttpClient(new SettleFollowUps(app.Services.GetRequiredService<Dispatch.Local.Orders.FollowUpTracker>()) { InnerHandler = new SocketsHttpHandler() })
        {
            BaseAddress = BaseAddress,
        };
    }

    public FakeTimeProvider Clock { get; }

    public string Prefix { get; }

    public CapturedLogs Logs { get; }

    public Uri BaseAddress { get; }

    public HttpClient Http { get; }

    public IServiceProvider Services => _app.Services;

    public const string CommunityId = "hubin";

    /// <summary>The signing key of test hosts: base64 of 32 bytes, as a real key.</summary>
    public const string SigningKey = "ZGlzcGF0Y2gtbG9jYWwtaG9zdC10ZXN0LWtleS0zMmI=";

    /// <param name="settings">Replaced settings (a null value removes one), see <see cref="Build"/>.</param>
    public static async Task<LocalHostFixture> StartAsync(
        AzuriteFixture azurite, string? prefix = null, FakeTimeProvider? clock = null, CapturedLogs? logs = null,
        IReadOnlyDictionary<string, string?>? settings = null, string environment = "Production",
        Action<IServiceCollection>? services = null)
    {
        clock ??= new FakeTimeProvider(Monday10);
        prefix ??= AzuriteFixture.NewPrefix();
        logs ??= new CapturedLogs();
        var app = Build(azurite, prefix, clock, logs, environment, settings, services);
        await app.StartAsync();
        return new LocalHostFixture(app, clock, prefix, logs);
    }

    /// <summary>The host as <see cref="StartAsync"/> builds it, not started: a demo (Dispatch:Demo=true) in
    /// Production with the test key, unless <paramref name="settings"/> say otherwise (a null value removes a
    /// setting). Everything it logs, every category at every level, goes to <paramref name="logs"/>.
    /// <paramref name="services"/> registers services before the host's own (which add theirs only when missing),
    /// e.g. <see cref="Dispatch.App.SignIn.CodeOutbox"/> as the code sender of a host that is not a demo.</summary>
    public static WebApplication Build(
        AzuriteFixture azurite, string prefix, TimeProvider clock, CapturedLogs logs,
        string environment = "Production", IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        ArgumentNullException.ThrowIfNull(azurite);
        var webRoot = Path.Combine(AzuriteFixture.FindRepoRoot(), "functions", "Dispatch.Local", "wwwroot");
        var values = new Dictionary<string, string?>
        {
            ["Dispatch:SigningKey"] = SigningKey,
            ["Dispatch:PublicBaseUrl"] = "http://127.0.0.1",
            ["Dispatch:Demo"] = "true",
            ["Dispatch:RunBackgroundLoops"] = "false",
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Storage:TablePrefix"] = prefix,
            // Everything at every level, over appsettings.json's quieter defaults: what an operator turning
            // logging up would see must hold no link either.
            ["Logging:LogLevel:Default"] = "Trace",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
            ["Logging:LogLevel:Azure"] = "Trace",
            // Every test is one client on 127.0.0.1: the per-client limits would refuse tests that send many
            // requests (RateLimitTests set their own low limits).
            ["RateLimits:PlaceOrderPerMinute"] = "100000",
            ["RateLimits:VerifyPerMinute"] = "100000",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        return LocalHost.Build(["--urls", "http://127.0.0.1:0", "--webroot", webRoot, "--environment", environment], builder =>
        {
            builder.Configuration.AddInMemoryCollection(values);
            builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Trace);
            builder.Services.AddSingleton<TimeProvider>(clock);
            services?.Invoke(builder.Services);
        });
    }

    /// <summary>One pass of the timer pump, the queue consumer and the outbox sweeper.</summary>
    public Task RunLoopsAsync() => BackgroundLoops.RunOnceAsync(_app.Services, CancellationToken.None);

    /// <summary>Moves the clock and lets due timers fire.</summary>
    public async Task AdvanceAsync(TimeSpan by)
    {
        Clock.Advance(by);
        await RunLoopsAsync();
    }

    public Links Links => _app.Services.GetRequiredService<Links>();

    public string ResidentToken(string orderId) => Links.ResidentToken(orderId);

    public string MemberToken(string memberId, string communityId = CommunityId) => Links.MemberToken(memberId, communityId);

    public string OrganizerToken(string organizerId = "org-wang", string communityId = CommunityId) => Links.OrganizerToken(organizerId, communityId);

    /// <summary>A resident's form; urgent (offered at once, day or night) unless a wish, which cannot be.</summary>
    public static PlaceOrderRequest Form(string kind = "Service", string category = "Repair", bool? urgent = null, string grid = "g1", string building = "b1") =>
        new(kind, category, CommunityId, grid, building, null, urgent ?? kind != "Wish", null, "张阿姨", "13812345678", "1号楼 302 室", "厨房水龙头漏水");

    public async Task<PlaceOrderResponse> PlaceAsync(PlaceOrderRequest? form = null, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Routes.Orders) { Content = JsonContent.Create(form ?? Form()) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        using var response = await Http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<PlaceOrderResponse>(CoreJson.Options))!;
    }

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string token, object? body = null) =>
        SendWithAsync(Http, method, path, token, body);

    /// <summary>Sends and reads a successful answer, failing with the problem text otherwise.</summary>
    public Task<T> CallAsync<T>(HttpMethod method, string path, string token, object? body = null) =>
        CallWithAsync<T>(Http, method, path, token, body);

    /// <summary>As <see cref="SendAsync"/>, through <paramref name="client"/> (one that does not wait for follow-ups, say);
    /// no token sends no Authorization header.</summary>
    public static async Task<HttpResponseMessage> SendWithAsync(HttpClient client, HttpMethod method, string path, string? token, object? body = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (body is not null || method == HttpMethod.Post)
        {
            request.Content = JsonContent.Create(body ?? new { });
        }

        return await client.SendAsync(request);
    }

    /// <summary>As <see cref="CallAsync{T}"/>, through <paramref name="client"/>.</summary>
    public static async Task<T> CallWithAsync<T>(HttpClient client, HttpMethod method, string path, string? token, object? body = null)
    {
        using var response = await SendWithAsync(client, method, path, token, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {path} → {(int)response.StatusCode}: {text}");
        return JsonSerializer.Deserialize<T>(text, CoreJson.Options)!;
    }

    public Task<OrganizerOrderView[]> OpenOrdersAsync(string? status = null) =>
        CallAsync<OrganizerOrderView[]>(HttpMethod.Get, Routes.OrganizerOrders + (status is null ? "" : "?status=" + status), OrganizerToken());

    public async Task<OrganizerOrderView> OpenOrderAsync(string orderId) => Assert.Single(await OpenOrdersAsync(), o => o.OrderId == orderId);

    /// <summary>Places an order and has each of the three members it is offered to decline it: it escalates.</summary>
    public async Task<PlaceOrderResponse> PlaceEscalatedAsync()
    {
        var placed = await PlaceAsync();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var offered = (await OpenOrderAsync(placed.OrderId)).OfferedTo!;
            await CallAsync<MemberOrderView>(HttpMethod.Post, RouteOf(Routes.Decline, placed.OrderId), MemberToken(offered), new ReasonRequest(null));
        }

        return placed;
    }

    /// <summary>Answers once the follow-ups the call queued (lists, inboxes, notices, channel messages) have run, as the
    /// next page a person opens waits for them: tests also look at storage and channels directly.</summary>
    private sealed class SettleFollowUps(Dispatch.Local.Orders.FollowUpTracker tracker) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            await tracker.SettledAsync(cancellationToken);
            return response;
        }
    }

    public static string RouteOf(string route, string orderId) => route.Replace("{orderId}", orderId, StringComparison.Ordinal);

    /// <summary>Places an order whose offer never arrives: its queued message fails every delivery until the
    /// queue sets it aside in the poison queue (an organizer's dead letter). Returns it and the member it was
    /// offered to.</summary>
    public async Task<(PlaceOrderResponse Placed, string MemberId)> PlaceUndeliverableAsync()
    {
        var placed = await PlaceAsync();
        var member = (await OpenOrderAsync(placed.OrderId)).OfferedTo!;
        await FailQueuedOffersUntilSetAsideAsync();
        return (placed, member);
    }

    /// <summary>Every offer in the assignment queue fails each delivery until the queue sets it aside, as a
    /// broken inbox store would make it: received and let go again, past the queue's maximum dequeue count.</summary>
    private async Task FailQueuedOffersUntilSetAsideAsync()
    {
        var account = Services.GetRequiredService<StorageAccount>();
        var raw = account.Queue(account.AssignmentQueueName);
        var queue = Services.GetRequiredService<AssignmentQueue>();
        for (var delivery = 0; delivery <= account.Options.MaxDequeueCount; delivery++)
        {
            foreach (var message in await queue.ReceiveAsync(AssignmentQueue.MaxBatch, TimeSpan.FromMinutes(1)))
            {
                await raw.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: TimeSpan.Zero);
            }
        }

        Assert.Empty(await queue.ReceiveAsync(AssignmentQueue.MaxBatch, TimeSpan.FromMinutes(1)));
    }

    /// <summary>Stops the host, then fails the test if anything it logged holds a link token or the key: every
    /// end-to-end test doubles as a check that logs carry ids only.</summary>
    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        LogAudit.ThrowIfLeaks(Logs.Lines, SigningKey);
    }
}
