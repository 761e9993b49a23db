using Dispatch.Core.Api;

namespace Dispatch.Local.Organizers;

/// <summary>Community staff: open and escalated orders, the members to dispatch to by hand, notices and
/// undeliverable offers (and sending one again); and the public directory the order form needs.
/// The <see cref="OrganizerLink"/> parameter is the staff routes' rule (a grid organizer's lists are limited to their
/// grid); undeliverable offers are community-wide (<see cref="CommunityOrganizerLink"/>; resubmission checks the order's
/// community too).</summary>
public static class OrganizerEndpoints
{
    public static IEndpointRouteBuilder MapOrganizer(this IEndpointRouteBuilder app)
    {
        app.MapGet(Routes.OrganizerOrders, async (string? status, OrganizerLink organizer, OrganizerQueries queries, CancellationToken ct) =>
            Results.Ok(await queries.OrdersAsync(organizer, status, ct)));
        app.MapGet(Routes.OrganizerMembers, async (OrganizerLink organizer, OrganizerQueries queries, TimeProvider clock, CancellationToken ct) =>
            Results.Ok(await queries.MembersAsync(organizer, clock.GetUtcNow(), ct)));
        app.MapGet(Routes.OrganizerNotices, async (OrganizerLink organizer, OrganizerQueries queries, CancellationToken ct) =>
            Results.Ok(await queries.NoticesAsync(organizer, ct)));
        app.MapGet(Routes.DeadLetters, async (CommunityOrganizerLink organizer, OrganizerQueries queries, CancellationToken ct) =>
            Results.Ok(await queries.DeadLettersAsync(organizer.CommunityId, ct)));
        app.MapPost(Routes.ResubmitDeadLetter, async (string id, CommunityOrganizerLink organizer, DeadLetterResubmission resubmission, CancellationToken ct) =>
            Results.Ok(await resubmission.ResubmitAsync(organizer, id, ct)));
        app.MapGet(Routes.Communities, async (OrganizerQueries queries, CancellationToken ct) => Results.Ok(await queries.CommunitiesAsync(ct)));
        return app;
    }
}
