using System.Net.Http.Json;
using System.Text.Json;
using System.Web;
using Dispatch.App.Notices;
using Dispatch.Core.Api;
using Dispatch.Core.Notifications;
using Dispatch.Core.Orders;
using Dispatch.Storage;
using Dispatch.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Local.Tests.Channels;

/// <summary>Offers, status changes and dead letters over the real channels, end to end: the local host sends email to
/// a local SMTP server (maildev), Web Push to a local push service (web-push-testing) and SMS to a fake provider, and
/// the test reads what each received.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ChannelDeliveryTests(AzuriteFixture azurite, MailDevFixture mail, PushServiceFixture push)
    : IClassFixture<MailDevFixture>, IClassFixture<PushServiceFixture>
{
    private const string ResidentPhone = "13812345678";

    [Fact]
    public async Task A_member_with_an_email_address_gets_the_offer_by_email_with_a_link_that_opens_it_once()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite, settings: mail.Settings);
        await host.RunLoopsAsync(); // the day's quota nudges go out first, before anyone chooses a channel
        var placed = await host.PlaceAsync();
        var member = (await host.OpenOrderAsync(placed.OrderId)).OfferedTo!;
        var address = $"{member}@example.org";
        var chosen = await host.CallAsync<ChannelSettingsView>(HttpMethod.Put, ChannelRoutes.MemberChannels, host.MemberToken(member), new ChannelSettingsRequest(address, false));
        Assert.Equal(address, chosen.Email);

        await host.RunLoopsAsync();
        var received = Assert.Single(await mail.ToAsync(address));
        Assert.Contains("新的服务邀请", received.Subject, StringComparison.Ordinal);
        var link = LinkIn(received.Text, "/member.html?o=");
        await AssertOpensOrderAsync(host, link, placed.OrderId);

        // The same offer delivered again (the queue delivers at least once) sends nothing more.
        var offer = (await host.Services.GetRequiredService<OrderStore>().GetAsync(placed.OrderId))!.State.Offer!;
        await host.Services.GetRequiredService<INotifier>().DeliverOfferAsync(new AssignmentMessage(placed.OrderId, member, offer.Attempt, offer.Deadline), default);
        Assert.Single(await mail.ToAsync(address));
        LogAudit.ThrowIfLeaks(host.Logs.Lines, address, HttpUtility.ParseQueryString(new Uri(link).Query)["t"]!);
    }

    [Fact]
    public async Task A_member_who_turned_on_push_on_a_phone_gets_the_offer_there()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite, settings: new Dictionary<string, string?> { ["Push:AllowLoopbackHttp"] = "true" });
        var key = (await host.Http.GetFromJsonAsync<PushKeyView>(ChannelRoutes.PushKey))!.PublicKey;
        var (subscription, clientHash) = await push.SubscribeAsync(key);
        await host.RunLoopsAsync(); // the day's quota nudges go out first, before anyone chooses a channel
        var placed = await host.PlaceAsync();
        var member = (await host.OpenOrderAsync(placed.OrderId)).OfferedTo!;
        var chosen = await host.CallAsync<ChannelSettingsView>(HttpMethod.Post, ChannelRoutes.MemberPush, host.MemberToken(member), subscription);
        Assert.Equal(1, chosen.PushDevices);

        await host.RunLoopsAsync();
        var message = JsonDocument.Parse(Assert.Single(await push.MessagesAsync(clientHash))).RootElement;
        Assert.Contains("新的服务邀请", message.GetProperty("title").GetString(), StringComparison.Ordinal);
        await AssertOpensOrderAsync(host, message.GetProperty("url").GetString()!, placed.OrderId);
        var delivery = Assert.Single(await Deliveries(host));
        Assert.Equal((Channel.WebPush, DeliveryOutcome.Sent, DeliveryKind.Offer, member), (delivery.Channel, delivery.Outcome, delivery.Kind, delivery.RecipientId));
    }

    [Fact]
    public async Task A_resident_who_agreed_gets_texts_when_accepted_done_and_closed_and_one_who_did_not_gets_none()
    {
        await using var sms = await FakeSmsProvider.StartAsync();
        await using var host = await LocalHostFixture.StartAsync(azurite, settings: sms.Settings);
        var agreed = await host.PlaceAsync(LocalHostFixture.Form() with { WantsUpdates = true });
        var member = await RunToClosedAsync(host, agreed.OrderId);
        var silent = await host.PlaceAsync(LocalHostFixture.Form() with { Phone = "13900001111" });
        await RunToClosedAsync(host, silent.OrderId);

        var name = (await host.Services.GetRequiredService<MemberStore>().GetAsync(LocalHostFixture.CommunityId, member))!.Name;
        var texts = sms.TextsTo(ResidentPhone);
        Assert.Equal(3, texts.Count);
        Assert.Contains(name, texts[0], StringComparison.Ordinal);
        Assert.Contains("确认", texts[1], StringComparison.Ordinal);
        await AssertOpensOrderAsync(host, LinkIn(texts[1], "/track.html?o="), agreed.OrderId);
        Assert.Contains("关闭", texts[2], StringComparison.Ordinal);
        Assert.Empty(sms.TextsTo("13900001111"));
        LogAudit.ThrowIfLeaks(host.Logs.Lines, ResidentPhone, "13900001111");
    }

    [Fact]
    public async Task A_channel_that_keeps_failing_is_retried_then_shown_to_organizers_as_failed_while_the_inbox_has_the_offer()
    {
        await using var sms = await FakeSmsProvider.StartAsync();
        sms.Down = true;
        await using var host = await LocalHostFixture.StartAsync(azurite, settings: sms.Settings);
        await host.RunLoopsAsync(); // the day's quota nudges go out first, before anyone chooses a channel
        var placed = await host.PlaceAsync(LocalHostFixture.Form(urgent: false));
        var member = (await host.OpenOrderAsync(placed.OrderId)).OfferedTo!;
        await host.CallAsync<ChannelSettingsView>(HttpMethod.Put, ChannelRoutes.MemberChannels, host.MemberToken(member), new ChannelSettingsRequest(null, true));
        await host.RunLoopsAsync();

        var inbox = await host.CallAsync<InboxView>(HttpMethod.Get, Routes.Inbox, host.MemberToken(member));
        Assert.Equal(placed.OrderId, Assert.Single(inbox.Offers).OrderId);
        Assert.Contains(inbox.Notices, n => n.OrderId == placed.OrderId && n.Notice == NoticeKind.OrderReceived);
        Assert.Equal(DeliveryOutcome.Retrying, Assert.Single(await Deliveries(host)).Outcome);
        Assert.Empty(await Deliveries(host, "Failed"));

        foreach (var wait in DeliveryPolicy.Default.Delays)
        {
            await host.AdvanceAsync(wait);
        }

        var failed = Assert.Single(await Deliveries(host, "Failed"));
        Assert.Equal((Channel.Sms, DeliveryKind.Offer, placed.OrderId, member, DeliveryPolicy.Default.MaxAttempts, "sms-provider-503"),
            (failed.Channel, failed.Kind, failed.OrderId, failed.RecipientId, failed.Attempt, failed.Error));
        Assert.Equal(DeliveryPolicy.Default.MaxAttempts, sms.Refused);

        // Dead: later passes do not try again (20 minutes more: still before the offer's reminder).
        await host.AdvanceAsync(TimeSpan.FromMinutes(20));
        Assert.Equal(DeliveryPolicy.Default.MaxAttempts, sms.Refused);
    }

    private static Task<DeliveryView[]> Deliveries(LocalHostFixture host, string? outcome = null) =>
        host.CallAsync<DeliveryView[]>(HttpMethod.Get, ChannelRoutes.Deliveries + (outcome is null ? "" : "?outcome=" + outcome), host.OrganizerToken());

    /// <summary>Offer, accept, report hours and confirm as the resident; returns the member.</summary>
    private static async Task<string> RunToClosedAsync(LocalHostFixture host, string orderId)
    {
        var member = (await host.OpenOrderAsync(orderId)).OfferedTo!;
        await host.RunLoopsAsync();
        await host.CallAsync<JsonElement>(HttpMethod.Post, LocalHostFixture.RouteOf(Routes.Accept, orderId), host.MemberToken(member));
        await host.RunLoopsAsync();
        await host.CallAsync<JsonElement>(HttpMethod.Post, LocalHostFixture.RouteOf(Routes.Hours, orderId), host.MemberToken(member), new HoursRequest(2));
        await host.RunLoopsAsync();
        await host.CallAsync<JsonElement>(HttpMethod.Post, LocalHostFixture.RouteOf(Routes.Confirm, orderId), host.ResidentToken(orderId), new ConfirmRequest(5));
        await host.RunLoopsAsync();
        return member;
    }

    private static string LinkIn(string text, string page)
    {
        var at = text.IndexOf("http", StringComparison.Ordinal);
        Assert.True(at >= 0, $"no link in: {text}");
        var link = text[at..].Split([' ', '\n', '\r'])[0];
        Assert.Contains(page, link, StringComparison.Ordinal);
        return link;
    }

    /// <summary>The link's token opens the order (as the page it names would).</summary>
    private static async Task AssertOpensOrderAsync(LocalHostFixture host, string link, string orderId)
    {
        var query = HttpUtility.ParseQueryString(new Uri(link).Query);
        Assert.Equal(orderId, query["o"]);
        using var response = await host.SendAsync(HttpMethod.Get, LocalHostFixture.RouteOf(Routes.Order, orderId), query["t"]!);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}");
    }
}
