using System.Text.Json;
using Dispatch.Core.Api;
using Dispatch.Local.Tests.Channels;
using Dispatch.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dispatch.Local.Tests.Browser;

/// <summary>A member turns on push on the inbox page in Chromium; the next offer goes through a real push service to
/// the page's service worker, which shows it; after 关闭本机推送 the next offer is in the inbox and pushed nowhere.
/// Why one substitute: Chromium's <c>PushManager.subscribe</c> asks the browser vendor's push service (Google's, for
/// Chrome), which a test cannot reach or read. So before the page loads, <c>subscribe</c> (and
/// <c>getSubscription</c>, its read side) is replaced by one that asks the local push service (web-push-testing,
/// which checks VAPID and decrypts) for a subscription with the key the page passed. Everything else is real: push.js
/// registering sw.js and posting the subscription, the host signing and encrypting, the push service's checks, and
/// sw.js showing the decrypted message (given to it with CDP's <c>ServiceWorker.deliverPushMessage</c>, the way
/// the browser gives it what its push service received).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class PushChannelWalkTests(AzuriteFixture azurite, PushServiceFixture push) : IClassFixture<PushServiceFixture>
{
    /// <summary>The substitute. Its <c>unsubscribe</c> deliberately leaves the subscription alive at the push service
    /// (a real browser would end it there): so "nothing arrives after 关闭本机推送" proves the host forgot it.</summary>
    private const string SubstitutePushManager = """
        (() => {
          const toB64Url = (bytes) => btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
          const fromB64Url = (text) => Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
          let current = null;
          PushManager.prototype.subscribe = async function (options) {
            const key = options.applicationServerKey;
            const made = JSON.parse(await window.pushServiceSubscribe(typeof key === 'string' ? key : toB64Url(key)));
            const json = { endpoint: made.endpoint, expirationTime: null, keys: made.keys };
            current = {
              endpoint: json.endpoint,
              expirationTime: null,
              getKey: (name) => fromB64Url(json.keys[name]).buffer,
              toJSON: () => json,
              unsubscribe: async () => { current = null; return true; },
            };
            return current;
          };
          PushManager.prototype.getSubscription = async function () { return current; };
        })();
        """;

    private const int MaxPolls = 50;

    [Fact]
    public async Task Push_turned_on_in_the_inbox_shows_the_offer_as_a_notification_and_turned_off_pushes_no_more()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite, settings: new Dictionary<string, string?> { ["Push:AllowLoopbackHttp"] = "true" });
        await using var chromium = await Chromium.LaunchAsync();
        var placed = await host.PlaceAsync(); // urgent: the offer waits in the queue until the loops run
        var member = (await host.OpenOrderAsync(placed.OrderId)).OfferedTo!;
        var token = host.MemberToken(member);
        var origin = host.BaseAddress.GetLeftPart(UriPartial.Authority);

        var page = await chromium.NewPageAsync(host.BaseAddress);
        await page.Context.GrantPermissionsAsync(["notifications"], new() { Origin = origin });
        string? clientHash = null;
        await page.Context.ExposeFunctionAsync("pushServiceSubscribe", async (string applicationServerKey) =>
        {
            var (subscription, hash) = await push.SubscribeAsync(applicationServerKey);
            clientHash = hash;
            return subscription.GetRawText();
        });
        await page.AddInitScriptAsync(SubstitutePushManager);
        var cdp = await page.Context.NewCDPSessionAsync(page);
        var registrations = new Dictionary<string, string>(); // scope → the browser's registration id
        cdp.Event("ServiceWorker.workerRegistrationUpdated").OnEvent += (_, e) =>
        {
            foreach (var r in e!.Value.GetProperty("registrations").EnumerateArray().Where(r => !r.GetProperty("isDeleted").GetBoolean()))
            {
                lock (registrations)
                {
                    registrations[r.GetProperty("scopeURL").GetString()!] = r.GetProperty("registrationId").GetString()!;
                }
            }
        };
        await cdp.SendAsync("ServiceWorker.enable");

        await page.GotoAsync(Routes.MemberPage(token));
        await page.GetByRole(AriaRole.Button, new() { Name = "在本机开启推送" }).ClickAsync();
        await Expect(page.Locator("#ch-push-status")).ToContainTextAsync("本机已开启推送");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "关闭本机推送" })).ToBeVisibleAsync();
        await page.Locator("#channels").ScrollIntoViewIfNeededAsync();
        await Chromium.ShotAsync(page, "20-push-on-zh-390");
        Assert.NotNull(clientHash);
        Assert.Equal(1, (await host.CallAsync<ChannelSettingsView>(HttpMethod.Get, ChannelRoutes.MemberChannels, token)).PushDevices);

        // Delivers the offer: the inbox, and the push. The upkeep's quota nudge goes out on the same channels, so it may
        // be pushed too: the offer is the one push titled as an offer.
        await host.RunLoopsAsync();
        var payload = Assert.Single(await OffersAsync(clientHash, atLeast: 1));
        var pushed = JsonDocument.Parse(payload).RootElement;
        Assert.Contains("新的服务邀请", pushed.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Contains("请您接单", pushed.GetProperty("body").GetString(), StringComparison.Ordinal);
        var link = pushed.GetProperty("url").GetString()!;
        Assert.Contains($"/member.html?o={placed.OrderId}", link, StringComparison.Ordinal);

        // The page's service worker gets what the push service received, and shows it with the link.
        var registrationId = await RegistrationAsync(registrations, origin + "/");
        await cdp.SendAsync("ServiceWorker.deliverPushMessage", new() { ["origin"] = origin, ["registrationId"] = registrationId, ["data"] = payload });
        var shown = await page.EvaluateAsync<JsonElement>($$"""
            async () => {
              const registration = await navigator.serviceWorker.ready;
              for (let i = 0; i < {{MaxPolls}}; i++) {
                const shown = await registration.getNotifications();
                if (shown.length) return shown.map((n) => ({ title: n.title, body: n.body, url: n.data?.url }));
                await new Promise((r) => setTimeout(r, 100));
              }
              return [];
            }
            """);
        var notification = Assert.Single(shown.EnumerateArray());
        Assert.Equal(pushed.GetProperty("title").GetString(), notification.GetProperty("title").GetString());
        Assert.Equal(pushed.GetProperty("body").GetString(), notification.GetProperty("body").GetString());
        Assert.Equal(link, notification.GetProperty("url").GetString());

        // 关闭本机推送: the host forgets this phone; the next offer is in the inbox and at the push service nothing more.
        await page.GetByRole(AriaRole.Button, new() { Name = "关闭本机推送" }).ClickAsync();
        await Expect(page.Locator("#ch-push-status")).ToContainTextAsync("本机已关闭推送");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "在本机开启推送" })).ToBeVisibleAsync();
        Assert.Equal(0, (await host.CallAsync<ChannelSettingsView>(HttpMethod.Get, ChannelRoutes.MemberChannels, token)).PushDevices);

        var next = await host.PlaceAsync();
        if ((await host.OpenOrderAsync(next.OrderId)).OfferedTo != member)
        {
            await host.CallAsync<JsonElement>(HttpMethod.Post, LocalHostFixture.RouteOf(Routes.Dispatch, next.OrderId), host.OrganizerToken(), new DispatchRequest(member));
        }

        await host.RunLoopsAsync();
        Assert.Equal(member, (await host.OpenOrderAsync(next.OrderId)).OfferedTo);
        await page.ReloadAsync();
        await Expect(page.Locator($"article.offer[data-order='{next.OrderId}']")).ToBeVisibleAsync();
        Assert.Single(OffersIn(await push.MessagesAsync(clientHash))); // the second offer was not pushed
        Assert.Empty(chromium.PageErrors);
    }

    /// <summary>The offers among the decrypted messages the push service holds, once there are <paramref name="atLeast"/>
    /// (bounded polling). Other pushes (the upkeep's quota nudge) may come before or after them.</summary>
    private async Task<IReadOnlyList<string>> OffersAsync(string clientHash, int atLeast)
    {
        var offers = OffersIn(await push.MessagesAsync(clientHash));
        for (var poll = 0; poll < MaxPolls && offers.Count < atLeast; poll++)
        {
            await Task.Delay(100);
            offers = OffersIn(await push.MessagesAsync(clientHash));
        }

        return offers;
    }

    private static List<string> OffersIn(IEnumerable<string> messages) =>
        [.. messages.Where(m => JsonDocument.Parse(m).RootElement.GetProperty("title").GetString()!.Contains("新的服务邀请", StringComparison.Ordinal))];

    /// <summary>The browser's id of the service worker registration of <paramref name="scope"/>, from the CDP events.</summary>
    private static async Task<string> RegistrationAsync(Dictionary<string, string> registrations, string scope)
    {
        for (var poll = 0; poll < MaxPolls; poll++)
        {
            lock (registrations)
            {
                if (registrations.TryGetValue(scope, out var id))
                {
                    return id;
                }
            }

            await Task.Delay(100);
        }

        lock (registrations)
        {
            Assert.Fail($"no service worker registration for {scope}; seen: {string.Join(", ", registrations.Keys)}");
        }

        return "";
    }
}
