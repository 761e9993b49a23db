using System.Buffers.Text;
using System.Net;
using Dispatch.App.SignedLinks;
using Dispatch.Core;
using Dispatch.Core.Api;
using Dispatch.Core.Notifications;
using Dispatch.Storage;
using Microsoft.Extensions.Options;

namespace Dispatch.App.Channels;

/// <summary>The channel routes both hosts serve: a member's or an organizer's choice of channels and phones, the
/// public push key, and the community's delivery log.</summary>
public sealed class ChannelUseCases(ChannelStore people, DeliveryStore log, IOptions<PushOptions> push)
{
    public const int MaxDeliveries = 200;
    public const int MaxEndpoint = 1000;

    public Task<ChannelSettingsView> MemberAsync(MemberLink member, CancellationToken ct) => ViewAsync(Person(member), ct);

    public Task<ChannelSettingsView> SetMemberAsync(MemberLink member, ChannelSettingsRequest? body, CancellationToken ct) =>
        SetAsync(Person(member), body, ct);

    public Task<ChannelSettingsView> AddMemberPushAsync(MemberLink member, PushSubscriptionRequest? body, CancellationToken ct) =>
        AddPushAsync(Person(member), body, ct);

    public Task RemoveMemberPushAsync(MemberLink member, PushEndpointRequest? body, CancellationToken ct) =>
        RemovePushAsync(Person(member), body, ct);

    public Task<ChannelSettingsView> OrganizerAsync(OrganizerLink organizer, CancellationToken ct) => ViewAsync(Person(organizer), ct);

    public Task<ChannelSettingsView> SetOrganizerAsync(OrganizerLink organizer, ChannelSettingsRequest? body, CancellationToken ct) =>
        SetAsync(Person(organizer), body, ct);

    public Task<ChannelSettingsView> AddOrganizerPushAsync(OrganizerLink organizer, PushSubscriptionRequest? body, CancellationToken ct) =>
        AddPushAsync(Person(organizer), body, ct);

    public Task RemoveOrganizerPushAsync(OrganizerLink organizer, PushEndpointRequest? body, CancellationToken ct) =>
        RemovePushAsync(Person(organizer), body, ct);

    /// <summary>The key pages subscribe with; 404 when push is not set up (the pages then hide the choice).</summary>
    public PushKeyView PushKey() =>
        push.Value.IsConfigured ? new PushKeyView(push.Value.PublicKey!) : throw new ApiProblemException(ApiProblem.NotFound("push key"));

    /// <summary>The community's deliveries, newest first; <paramref name="outcome"/> (e.g. Failed) narrows them.</summary>
    public async Task<IReadOnlyList<DeliveryView>> DeliveriesAsync(CommunityOrganizerLink organizer, string? outcome, CancellationToken ct)
    {
        DeliveryOutcome? only = null;
        if (!string.IsNullOrEmpty(outcome))
        {
            only = EnumNames.TryParse<DeliveryOutcome>(outcome, out var parsed)
                ? parsed
                : throw Invalid("outcome", $"取值为 {EnumNames.List<DeliveryOutcome>()} 之一。One of {EnumNames.List<DeliveryOutcome>()}.");
        }

        var rows = await log.ListAsync(organizer.CommunityId, only, MaxDeliveries, ct);
        return [.. rows.Select(d => new DeliveryView(
            d.Id, d.Recipient, d.RecipientId, d.Channel, d.OrderId, d.Kind, d.Attempt, d.Outcome, d.Error, d.At, d.NextAttemptAt))];
    }

    private static string Person(MemberLink member)
    {
        _ = member.CommunityId; // an offer link opens its order only: 403 token-wrongscope here
        return ChannelPerson.Member(member.MemberId);
    }

    private static string Person(OrganizerLink organizer) => ChannelPerson.Organizer(organizer.CommunityId, organizer.OrganizerId);

    private async Task<ChannelSettingsView> ViewAsync(string person, CancellationToken ct)
    {
        var chosen = await people.GetAsync(person, ct);
        return new ChannelSettingsView(chosen.Email, chosen.Sms, chosen.Push.Count, ChannelSettingsRequest.NameOf(chosen.Language));
    }

    private async Task<ChannelSettingsView> SetAsync(string person, ChannelSettingsRequest? body, CancellationToken ct)
    {
        var request = body ?? throw Invalid("body", "请填写渠道设置。The channel settings are missing.");
        await people.SetAsync(person, request.ValidEmail(), request.Sms, request.ValidLanguage(), ct);
        return await ViewAsync(person, ct);
    }

    private async Task<ChannelSettingsView> AddPushAsync(string person, PushSubscriptionRequest? body, CancellationToken ct)
    {
        var target = Valid(body);
        // A person who only turns push on never saves the settings form: the page they did it on says their language.
        var language = body!.Language is null ? (MessageLanguage?)null : ChannelSettingsRequest.LanguageOf(body.Language);
        await people.AddPushAsync(person, target, ct);
        if (language is { } chosen)
        {
            await people.SetLanguageAsync(person, chosen, ct);
        }

        return await ViewAsync(person, ct);
    }

    /// <summary>Forgets the phone's subscription (push turned off there); idempotent, and allowed when push is not set up.</summary>
    private Task RemovePushAsync(string person, PushEndpointRequest? body, CancellationToken ct) =>
        body?.Endpoint is { Length: > 0 and <= MaxEndpoint } endpoint
            ? people.RemovePushAsync(person, PushTarget.IdOf(endpoint), ct)
            : throw Invalid("endpoint", "请提供推送地址。The push endpoint is missing or too long.");

    /// <summary>A subscription the server will POST to: a push service's https endpoint (loopback http only when
    /// allowed, for a local test service), and keys of the right sizes.</summary>
    private PushTarget Valid(PushSubscriptionRequest? body)
    {
        if (!push.Value.IsConfigured)
        {
            throw new ApiProblemException(ApiProblem.NotFound("push key"));
        }

        var errors = new Dictionary<string, string[]>();
        var endpoint = body?.Endpoint;
        if (endpoint is not { Length: > 0 and <= MaxEndpoint }
            || !Uri.TryCreate(endpoint, UriKind.Absolute, out var uri)
            || !(uri.Scheme == Uri.UriSchemeHttps || (push.Value.AllowLoopbackHttp && uri.Scheme == Uri.UriSchemeHttp && IsLoopback(uri))))
        {
            errors["endpoint"] = ["推送地址无效。The push endpoint must be an https address."];
        }

        if (!IsKey(body?.Keys?.P256dh, 65))
        {
            errors["keys.p256dh"] = ["推送密钥无效。The p256dh key must be a P-256 point (base64url)."];
        }

        if (!IsKey(body?.Keys?.Auth, 16))
        {
            errors["keys.auth"] = ["推送密钥无效。The auth secret must be 16 bytes (base64url)."];
        }

        return errors.Count == 0
            ? new PushTarget(endpoint!, body!.Keys!.P256dh!, body.Keys.Auth!)
            : throw new ApiProblemException(ApiProblem.Validation(errors));
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host, out var ip) && IPAddress.IsLoopback(ip));

    private static bool IsKey(string? value, int bytes)
    {
        if (value is not { Length: > 0 and <= 200 } || !Base64Url.IsValid(value, out var length) || length != bytes)
        {
            return false;
        }

        return true;
    }

    private static ApiProblemException Invalid(string field, string message) =>
        new(ApiProblem.Validation(new Dictionary<string, string[]> { [field] = [message] }));
}
