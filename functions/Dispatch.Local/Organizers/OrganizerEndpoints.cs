using Dispatch.Core.Api;

namespace Dispatch.Local.Organizers;

/// <summary>Community staff: open and escalated orders, the members to dispatch to by hand, notices and
/// undeliverable offers (and sending one again); and the public directory the order form needs.</summary>
public static class OrganizerEndpoints
{
    public static IEndpointRouteBuilder MapOrganizer(this IEndpointRouteBuilder app)
    {
        app.MapGet(Routes.OrganizerOrders, async (string? status, HttpContext http, Access access, OrganizerQueries queries, CancellationToken ct) =>
            Results.Ok(await queries.OrdersAsync(access.AnyOrganizer(http).Scope, status, ct)));
        app.MapGet(Routes.OrganizerMembers, async (HttpContext http, Access access, OrganizerQueries queries, TimeProvider clock, CancellationToken ct) =>
            Results.Ok(await queries.MembersAsync(access.AnyOrganizer(http).Scope, clock.GetUtcNow(), ct)));
        app.MapGet(Routes.OrganizerNotices, async (HttpContext http, Access access, OrganizerQueries queries, CancellationToken ct) =>
            Results.Ok(await queries.NoticesAsync(access.AnyOrganizer(http).Scope, ct)));
        app.MapGet(Routes.DeadLetters, async (HttpContext http, Access access, OrganizerQueries queries, CancellationToken ct) =>
            Results.Ok(await queries.DeadLettersAsync(access.AnyOrganizer(http).Scope, ct)));
        app.MapPost(Routes.ResubmitDeadLetter, async (string id, HttpContext http, DeadLetterResubmission resubmission, CancellationToken ct) =>
            Results.Ok(await resubmission.ResubmitAsync(http.Request, id, ct)));
        app.MapGet(Routes.Communities, async (OrganizerQueries queries, CancellationToken ct) => Results.Ok(await queries.CommunitiesAsync(ct)));
        return app;
    }
}
