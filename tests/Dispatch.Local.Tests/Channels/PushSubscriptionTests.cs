using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Core.Api;
using Dispatch.Core.Notifications;
using Dispatch.Testing;

namespace Dispatch.Local.Tests.Channels;

/// <summary>How a phone's push subscription ends, against a real local push service (web-push-testing): the phone
/// turns push off (DELETE, idempotent), or the push service says the subscription is gone (410) and the host forgets
/// it. Either way the next offer is not pushed there, and the inbox still has it.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class PushSubscriptionTests(AzuriteFixture azurite, PushServiceFixture push) : IClassFixture<PushServiceFixture>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly Dictionary<string, string?> PushOn = new() { ["Push:AllowLoopbackHttp"] = "true" };

    [Fact]
    public async Task A_subscription_the_push_service_says_is_gone_is_forgotten_and_not_tried_again()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite, settings: PushOn);
        var placed = await host.PlaceAsync();
        var member = (await host.OpenOrderAsync(placed.OrderId)).OfferedTo!;
        var (clientHash, _) = await SubscribeAsync(host, ChannelRoutes.MemberPush, host.MemberToken(member));
        await push.ExpireAsync(clientHash);

        await host.RunLoopsAsync();
        var failed = Assert.Single(await Deliveries(host, "Failed"));
        Assert.Equal((Channel.WebPush, DeliveryKind.Offer, 1, "push-410"), (failed.Channel, failed.Kind, failed.Attempt, failed.Error));
        Assert.Equal(0, (await host.CallAsync<ChannelSettingsView>(HttpMethod.Get, ChannelRoutes.MemberChannels, host.MemberToken(member))).PushDevices);

        // Gone is final: no retry later, and the inbox has the offer all the same.
        await host.AdvanceAsync(TimeSpan.FromMinutes(5));
        Assert.Single(await Deliveries(host));
        Assert.Empty(await push.MessagesAsync(clientHash));
        var inbox = await host.CallAsync<InboxView>(HttpMethod.Get, Routes.Inbox, host.MemberToken(member));
        Assert.Equal(placed.OrderId, Assert.Single(inbox.Offers).OrderId);
    }

    [Fact]
    public async Task Turning_push_off_forgets_the_phone_twice_over_and_the_next_offer_is_not_pushed()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite, settings: PushOn);
        var placed = await host.PlaceAsync();
        var member = (await host.OpenOrderAsync(placed.OrderId)).OfferedTo!;
        var token = host.MemberToken(member);
        var (clientHash, endpoint) = await SubscribeAsync(host, ChannelRoutes.MemberPush, token);

        foreach (var _ in new[] { 1, 2 })
        {
            using var removed = await host.SendAsync(HttpMethod.Delete, ChannelRoutes.MemberPush, token, new PushEndpointRequest(endpoint));
            Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        }

        using (var missing = await host.SendAsync(HttpMethod.Delete, ChannelRoutes.MemberPush, token, new PushEndpointRequest(null)))
        {
            Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        }

        Assert.Equal(0, (await host.CallAsync<ChannelSettingsView>(HttpMethod.Get, ChannelRoutes.MemberChannels, token)).PushDevices);
        await host.RunLoopsAsync();
        Assert.Empty(await push.MessagesAsync(clientHash)); // the push service would have taken it: only the host forgot
        Assert.Empty(await Deliveries(host));
        var inbox = await host.CallAsync<InboxView>(HttpMethod.Get, Routes.Inbox, token);
        Assert.Equal(placed.OrderId, Assert.Single(inbox.Offers).OrderId);

        // An organizer's phone the same way.
        var organizer = host.OrganizerToken();
        await SubscribeAsync(host, ChannelRoutes.OrganizerPush, organizer);
        using var off = await host.SendAsync(HttpMethod.Delete, ChannelRoutes.OrganizerPush, organizer, new PushEndpointRequest(endpoint + "x"));
        Assert.Equal(HttpStatusCode.NoContent, off.StatusCode); // a phone the host never knew: nothing to forget
        Assert.Equal(1, (await host.CallAsync<ChannelSettingsView>(HttpMethod.Get, ChannelRoutes.OrganizerChannels, organizer)).PushDevices);
    }

    [Fact]
    public async Task A_phone_that_turned_push_on_from_an_english_page_gets_its_pushes_in_english()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite, settings: PushOn);
        var placed = await host.PlaceAsync();
        var member = (await host.OpenOrderAsync(placed.OrderId)).OfferedTo!;
        var token = host.MemberToken(member);
        var (subscription, clientHash) = await PushServiceSubscriptionAsync(host);
        var request = subscription.Deserialize<PushSubscriptionRequest>(Json)!;

        using (var bad = await host.SendAsync(HttpMethod.Post, ChannelRoutes.MemberPush, token, request with { Language = "fr" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        }

        Assert.Equal(0, (await host.CallAsync<ChannelSettingsView>(HttpMethod.Get, ChannelRoutes.MemberChannels, token)).PushDevices);
        var chosen = await host.CallAsync<ChannelSettingsView>(HttpMethod.Post, ChannelRoutes.MemberPush, token, request with { Language = "en" });
        Assert.Equal((1, "en", null, false), (chosen.PushDevices, chosen.Language, chosen.Email, chosen.Sms)); // never saved the form

        await host.RunLoopsAsync(); // the offer, and the quarter's quota nudge
        var pushes = (await push.MessagesAsync(clientHash)).Select(p => JsonDocument.Parse(p).RootElement)
            .Select(p => p.GetProperty("title").GetString() + " " + p.GetProperty("body").GetString()).ToList();
        Assert.Contains(pushes, p => p.StartsWith("New offer", StringComparison.Ordinal));
        Assert.All(pushes, p => Assert.DoesNotMatch(ChannelLanguageTests.Cjk(), p));
    }

    /// <summary>Subscribes at the push service with the host's key (the host is not told yet).</summary>
    private async Task<(JsonElement Subscription, string ClientHash)> PushServiceSubscriptionAsync(LocalHostFixture host)
    {
        var key = (await host.Http.GetFromJsonAsync<PushKeyView>(ChannelRoutes.PushKey))!.PublicKey;
        return await push.SubscribeAsync(key);
    }

    /// <summary>Subscribes at the push service with the host's key and gives the subscription to the host.</summary>
    private async Task<(string ClientHash, string Endpoint)> SubscribeAsync(LocalHostFixture host, string route, string token)
    {
        var (subscription, clientHash) = await PushServiceSubscriptionAsync(host);
        var chosen = await host.CallAsync<ChannelSettingsView>(HttpMethod.Post, route, token, subscription);
        Assert.Equal(1, chosen.PushDevices);
        return (clientHash, subscription.GetProperty("endpoint").GetString()!);
    }

    private static Task<DeliveryView[]> Deliveries(LocalHostFixture host, string? outcome = null) =>
        host.CallAsync<DeliveryView[]>(HttpMethod.Get, ChannelRoutes.Deliveries + (outcome is null ? "" : "?outcome=" + outcome), host.OrganizerToken());
}
