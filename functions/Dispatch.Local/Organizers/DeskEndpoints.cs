using Dispatch.App.Orders;
using Dispatch.Core.Api;

namespace Dispatch.Local.Organizers;

/// <summary>The organizer desk's order tools: the search behind dispatch by hand, and a resident's contact on an
/// escalated order with its access log. <see cref="OrganizerLink"/> is the rule; the use cases check the order's grid.</summary>
public static class DeskEndpoints
{
    public static IEndpointRouteBuilder MapDesk(this IEndpointRouteBuilder app)
    {
        app.MapGet(DeskRoutes.Candidates, async (string orderId, string? q, string? grid, string? available, OrganizerLink organizer, HandCandidates candidates, CancellationToken ct) =>
            Results.Ok(await candidates.FindAsync(organizer, orderId, q, grid, available, ct)));
        app.MapGet(DeskRoutes.History, async (HttpRequest req, OrganizerLink organizer, OrderHistory history, CancellationToken ct) =>
            Results.Ok(await history.PageAsync(organizer, HistoryFilter.Read(key => req.Query[key].ToString()), ct)));
        app.MapPost(DeskRoutes.Contact, async (string orderId, ReasonRequest? body, OrganizerLink organizer, ContactAccess contact, CancellationToken ct) =>
            Results.Ok(await contact.ViewAsync(organizer, orderId, body, ct)));
        app.MapGet(DeskRoutes.ContactLog, async (string orderId, OrganizerLink organizer, ContactAccess contact, CancellationToken ct) =>
            Results.Ok(await contact.LogAsync(organizer, orderId, ct)));
        return app;
    }
}
