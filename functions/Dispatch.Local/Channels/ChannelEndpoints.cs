using Dispatch.App.Channels;
using Dispatch.Core.Api;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Dispatch.Local.Channels;

/// <summary>Notification channels: each member's and organizer's choice (email, SMS, push on this phone, and turning it off there), the public
/// push key, and the community's delivery log with its failed deliveries (community organizers).</summary>
public static class ChannelEndpoints
{
    public static IEndpointRouteBuilder MapChannels(this IEndpointRouteBuilder app)
    {
        app.MapGet(ChannelRoutes.MemberChannels, async (MemberLink member, ChannelUseCases channels, CancellationToken ct) =>
            Results.Ok(await channels.MemberAsync(member, ct)));
        app.MapPut(ChannelRoutes.MemberChannels, async (ChannelSettingsRequest? body, MemberLink member, ChannelUseCases channels, CancellationToken ct) =>
            Results.Ok(await channels.SetMemberAsync(member, body, ct)));
        app.MapPost(ChannelRoutes.MemberPush, async (PushSubscriptionRequest? body, MemberLink member, ChannelUseCases channels, CancellationToken ct) =>
            Results.Ok(await channels.AddMemberPushAsync(member, body, ct)));
        app.MapDelete(ChannelRoutes.MemberPush, async (
            [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] PushEndpointRequest? body, MemberLink member, ChannelUseCases channels, CancellationToken ct) =>
        {
            await channels.RemoveMemberPushAsync(member, body, ct);
            return TypedResults.NoContent();
        });
        app.MapGet(ChannelRoutes.OrganizerChannels, async (OrganizerLink organizer, ChannelUseCases channels, CancellationToken ct) =>
            Results.Ok(await channels.OrganizerAsync(organizer, ct)));
        app.MapPut(ChannelRoutes.OrganizerChannels, async (ChannelSettingsRequest? body, OrganizerLink organizer, ChannelUseCases channels, CancellationToken ct) =>
            Results.Ok(await channels.SetOrganizerAsync(organizer, body, ct)));
        app.MapPost(ChannelRoutes.OrganizerPush, async (PushSubscriptionRequest? body, OrganizerLink organizer, ChannelUseCases channels, CancellationToken ct) =>
            Results.Ok(await channels.AddOrganizerPushAsync(organizer, body, ct)));
        app.MapDelete(ChannelRoutes.OrganizerPush, async (
            [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] PushEndpointRequest? body, OrganizerLink organizer, ChannelUseCases channels, CancellationToken ct) =>
        {
            await channels.RemoveOrganizerPushAsync(organizer, body, ct);
            return TypedResults.NoContent();
        });
        app.MapGet(ChannelRoutes.PushKey, (ChannelUseCases channels) => Results.Ok(channels.PushKey()));
        app.MapGet(ChannelRoutes.Deliveries, async (string? outcome, CommunityOrganizerLink organizer, ChannelUseCases channels, CancellationToken ct) =>
            Results.Ok(await channels.DeliveriesAsync(organizer, outcome, ct)));
        return app;
    }
}
