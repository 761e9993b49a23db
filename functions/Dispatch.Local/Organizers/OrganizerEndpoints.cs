using Dispatch.Core.Api;
using Dispatch.Core.Orders;
using Dispatch.Core.Time;
using Dispatch.Local.Hosting;
using Dispatch.Storage;

namespace Dispatch.Local.Organizers;

/// <summary>Community staff: open and escalated orders, and the members to dispatch to by hand.</summary>
public static class OrganizerEndpoints
{
    public static IEndpointRouteBuilder MapOrganizer(this IEndpointRouteBuilder app)
    {
        app.MapGet(Routes.OrganizerOrders, OrdersAsync);
        app.MapGet(Routes.OrganizerMembers, MembersAsync);
        app.MapGet(Routes.Communities, CommunitiesAsync);
        return app;
    }

    private static async Task<IResult> OrdersAsync(string? status, HttpContext http, Access access, OrderIndex index, CancellationToken ct)
    {
        var token = access.Read(http);
        access.Organizer(http, token.Scope);
        OrderStatus? filter = null;
        if (!string.IsNullOrEmpty(status))
        {
            filter = Enum.TryParse<OrderStatus>(status, true, out var s) && Enum.IsDefined(s)
                ? s
                : throw new ApiProblemException(ApiProblem.Validation(new Dictionary<string, string[]> { ["status"] = [$"One of {string.Join(", ", Enum.GetNames<OrderStatus>())}."] }));
        }

        var open = await index.ListOpenAsync(token.Scope, filter, ct);
        return Results.Ok(open.OrderBy(o => o.PlacedAt).Select(o => new OrganizerOrderView(
            o.OrderId, o.Kind.ToString(), o.Category.ToString(), o.Status.ToString(), o.GridId, o.BuildingId, o.Urgent, o.PlacedAt,
            o.MemberId, o.OfferedTo, o.OfferDeadline, o.Escalation?.ToString(), o.AwaitingOrganizerConfirmation)));
    }

    private static async Task<IResult> MembersAsync(
        HttpContext http, Access access, MemberStore members, OrderIndex index, ServiceRecordStore records, TimeProvider clock, CancellationToken ct)
    {
        var token = access.Read(http);
        access.Organizer(http, token.Scope);
        var roster = await members.ListAsync(token.Scope, ct);
        var open = await index.OpenAssignmentsAsync(token.Scope, ct);
        var tallies = (await records.TalliesAsync(token.Scope, ChinaTime.YearOf(clock.GetUtcNow()), ct)).ToDictionary(t => t.MemberId);
        return Results.Ok(roster.OrderBy(m => m.Home.GridId).ThenBy(m => m.MemberId).Select(m => new OrganizerMemberView(
            m.MemberId, m.Name, m.Home.GridId, m.Home.BuildingId, [.. m.Skills.Select(s => s.ToString()).Order()], m.Active,
            tallies.TryGetValue(m.MemberId, out var t) ? t.Hours : 0, open.GetValueOrDefault(m.MemberId))));
    }

    private static async Task<IResult> CommunitiesAsync(OrgDirectory org, CancellationToken ct)
    {
        var list = new List<CommunityView>();
        foreach (var c in await org.ListCommunitiesAsync(ct))
        {
            if (await org.GetCommunityAsync(c.CommunityId, ct) is { } tree)
            {
                list.Add(new CommunityView(c.CommunityId, c.NameZh, c.NameEn, [.. tree.Grids.Select(g => new GridView(
                    g.GridId, g.NameZh, g.NameEn, [.. tree.BuildingsOf(g.GridId).Select(b => new BuildingView(b.BuildingId, b.NameZh, b.NameEn))]))]));
            }
        }

        return Results.Ok(list);
    }
}
