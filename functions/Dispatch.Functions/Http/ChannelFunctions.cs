using Dispatch.App.Channels;
using Dispatch.App.SignedLinks;
using Dispatch.Core.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Dispatch.Functions.Http;

/// <summary>Notification channels, as in the local host: the shared <see cref="ChannelUseCases"/> behind each member's
/// and organizer's choice (email, SMS, push on this phone), the public push key and the community's delivery log.
/// Routes are <see cref="ChannelRoutes"/> without "/api/"; the signed link is the rule.</summary>
public sealed class ChannelFunctions(ChannelUseCases channels, Access access, ILogger<ChannelFunctions> logger)
{
    [Function("MemberChannels")]
    public Task<IActionResult> MemberAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "members/me/channels")] HttpRequest req,
        CancellationToken ct) => HttpApi.RunAsync(req, logger, async () =>
        HttpApi.Ok(await channels.MemberAsync(MemberLink.From(req, access), ct)));

    [Function("SetMemberChannels")]
    public Task<IActionResult> SetMemberAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "members/me/channels")] HttpRequest req,
        CancellationToken ct) => HttpApi.RunAsync(req, logger, async () =>
        HttpApi.Ok(await channels.SetMemberAsync(MemberLink.From(req, access), await HttpApi.ReadBodyAsync<ChannelSettingsRequest>(req, ct), ct)));

    [Function("AddMemberPushSubscription")]
    public Task<IActionResult> AddMemberPushAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "members/me/push-subscriptions")] HttpRequest req,
        CancellationToken ct) => HttpApi.RunAsync(req, logger, async () =>
        HttpApi.Ok(await channels.AddMemberPushAsync(MemberLink.From(req, access), await HttpApi.ReadBodyAsync<PushSubscriptionRequest>(req, ct), ct)));

    [Function("RemoveMemberPushSubscription")]
    public Task<IActionResult> RemoveMemberPushAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "members/me/push-subscriptions")] HttpRequest req,
        CancellationToken ct) => HttpApi.RunAsync(req, logger, async () =>
    {
        await channels.RemoveMemberPushAsync(MemberLink.From(req, access), await HttpApi.ReadBodyAsync<PushEndpointRequest>(req, ct), ct);
        return new NoContentResult();
    });

    [Function("OrganizerChannels")]
    public Task<IActionResult> OrganizerAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "organizer/me/channels")] HttpRequest req,
        CancellationToken ct) => HttpApi.RunAsync(req, logger, async () =>
        HttpApi.Ok(await channels.OrganizerAsync(OrganizerLink.From(req, access), ct)));

    [Function("SetOrganizerChannels")]
    public Task<IActionResult> SetOrganizerAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "organizer/me/channels")] HttpRequest req,
        CancellationToken ct) => HttpApi.RunAsync(req, logger, async () =>
        HttpApi.Ok(await channels.SetOrganizerAsync(OrganizerLink.From(req, access), await HttpApi.ReadBodyAsync<ChannelSettingsRequest>(req, ct), ct)));

    [Function("AddOrganizerPushSubscription")]
    public Task<IActionResult> AddOrganizerPushAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "organizer/me/push-subscriptions")] HttpRequest req,
        CancellationToken ct) => HttpApi.RunAsync(req, logger, async () =>
        HttpApi.Ok(await channels.AddOrganizerPushAsync(OrganizerLink.From(req, access), await HttpApi.ReadBodyAsync<PushSubscriptionRequest>(req, ct), ct)));

    [Function("RemoveOrganizerPushSubscription")]
    public Task<IActionResult> RemoveOrganizerPushAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "organizer/me/push-subscriptions")] HttpRequest req,
        CancellationToken ct) => HttpApi.RunAsync(req, logger, async () =>
    {
        await channels.RemoveOrganizerPushAsync(OrganizerLink.From(req, access), await HttpApi.ReadBodyAsync<PushEndpointRequest>(req, ct), ct);
        return new NoContentResult();
    });

    [Function("PushKey")]
    public Task<IActionResult> PushKeyAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "push/key")] HttpRequest req) =>
        HttpApi.RunAsync(req, logger, () => Task.FromResult(HttpApi.Ok(channels.PushKey())));

    [Function("OrganizerDeliveries")]
    public Task<IActionResult> DeliveriesAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "organizer/deliveries")] HttpRequest req,
        CancellationToken ct) => HttpApi.RunAsync(req, logger, async () =>
        HttpApi.Ok(await channels.DeliveriesAsync(CommunityOrganizerLink.From(req, access), req.Query["outcome"].ToString(), ct)));
}
