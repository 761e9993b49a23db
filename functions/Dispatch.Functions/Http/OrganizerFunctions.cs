using Dispatch.Core.Api;
using Dispatch.Core.Orders;
using Dispatch.Core.Time;
using Dispatch.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Dispatch.Functions.Http;

/// <summary>Community staff: open and escalated orders, and the members to dispatch to by hand. These need a
/// function key (AuthorizationLevel.Function) on top of the organizer's link; the community list feeds the
/// resident's order form and is public, as in the local host.</summary>
public sealed class OrganizerFunctions(
    Access access,
    OrderIndex index,
    MemberStore members,
    ServiceRecordStore records,
    OrgDirectory org,
    TimeProvider clock,
    ILogger<OrganizerFunctions> logger)
{
    [Function("OrganizerOrders")]
    public Task<IActionResult> OrdersAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "organizer/orders")] HttpRequest req,
        CancellationToken ct) => HttpApi.RunAsync(req, logger, async () =>
    {
        var token = access.AnyOrganizer(req);
        var status = req.Query["status"].ToString();
        OrderStatus? filter = null;
        if (!string.IsNullOrEmpty(status))
        {
            filter = Enum.TryParse<OrderStatus>(status, true, out var s) && Enum.IsDefined(s)
                ? s
                : throw new ApiProblemException(ApiProblem.Validation(new Dictionary<string, string[]> { ["status"] = [$"One of {string.Join(", ", Enum.GetNames<OrderStatus>())}."] }));
        }

        var open = await index.ListOpenAsync(token.Scope, filter, ct);
        return HttpApi.Ok(open.OrderBy(o => o.PlacedAt).Select(o => new OrganizerOrderView(
            o.OrderId, o.Kind.ToString(), o.Category.ToString(), o.Status.ToString(), o.GridId, o.BuildingId, o.Urgent, o.PlacedAt,
            o.MemberId, o.OfferedTo, o.OfferDeadline, o.Escalation?.ToString(), o.AwaitingOrganizerConfirmation)).ToList());
    });

    [Function("OrganizerMembers")]
    public Task<IActionResult> MembersAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "organizer/members")] HttpRequest req,
        CancellationToken ct) => HttpApi.RunAsync(req, logger, async () =>
    {
        var token = access.AnyOrganizer(req);
        var roster = await members.ListAsync(token.Scope, ct);
        var open = await index.OpenAssignmentsAsync(token.Scope, ct);
        var tallies = (await records.TalliesAsync(token.Scope, ChinaTime.YearOf(clock.GetUtcNow()), ct)).ToDictionary(t => t.MemberId);
        return HttpApi.Ok(roster.OrderBy(m => m.Home.GridId).ThenBy(m => m.MemberId).Select(m => new OrganizerMemberView(
            m.MemberId, m.Name, m.Home.GridId, m.Home.BuildingId, [.. m.Skills.Select(s => s.ToString()).Order()], m.Active,
            tallies.TryGetValue(m.MemberId, out var t) ? t.Hours : 0, open.GetValueOrDefault(m.MemberId))).ToList());
    });

    [Function("Communities")]
    public Task<IActionResult> CommunitiesAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "communities")] HttpRequest req,
        CancellationToken ct) => HttpApi.RunAsync(req, logger, async () =>
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

        return HttpApi.Ok(list);
    });
}
