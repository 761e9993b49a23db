using System.Net;
using System.Text.Json;
using Dispatch.Core.Notifications;
using Lib.Net.Http.WebPush;
using Lib.Net.Http.WebPush.Authentication;
using Microsoft.Extensions.Options;

namespace Dispatch.App.Channels;

/// <summary>Web Push with VAPID (Lib.Net.Http.WebPush, settings Push:*) to a phone's subscription. The payload —
/// title, body and the link to open — is encrypted for that browser only; the service worker (<c>sw.js</c>) shows it.
/// A subscription the push service says is gone (404/410) is <see cref="ChannelSendException.Gone"/>.</summary>
public sealed class WebPushChannel(HttpClient http, IOptions<PushOptions> options) : INotificationChannel
{
    public Channel Channel => Channel.WebPush;

    public bool IsConfigured => options.Value.IsConfigured;

    public async Task SendAsync(ChannelAddress to, ChannelMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(message);
        var target = to.Push ?? throw new ChannelSendException("no-subscription");
        var o = options.Value;
        var client = new PushServiceClient(http)
        {
            DefaultAuthentication = new VapidAuthentication(o.PublicKey, o.PrivateKey) { Subject = o.Subject },
        };
        var subscription = new PushSubscription
        {
            Endpoint = target.Endpoint,
            Keys = new Dictionary<string, string> { ["p256dh"] = target.P256dh, ["auth"] = target.Auth },
        };
        var payload = JsonSerializer.Serialize(new { title = message.Title, body = message.Body, url = message.Link });
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        try
        {
            await client.RequestPushMessageDeliveryAsync(
                subscription,
                new PushMessage(payload) { TimeToLive = 24 * 3600, Urgency = PushMessageUrgency.High },
                timeout.Token).ConfigureAwait(false);
        }
        catch (PushServiceClientException e)
        {
            throw new ChannelSendException($"push-{(int)e.StatusCode}", e.StatusCode is HttpStatusCode.Gone or HttpStatusCode.NotFound);
        }
        catch (HttpRequestException e)
        {
            throw new ChannelSendException($"push-unreachable ({e.HttpRequestError})");
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new ChannelSendException("push-timeout");
        }
    }
}
