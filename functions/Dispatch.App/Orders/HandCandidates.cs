using Dispatch.App.SignedLinks;
using Dispatch.Core.Api;
using Dispatch.Core.Matching;
using Dispatch.Storage;

namespace Dispatch.App.Orders;

/// <summary>The desk's search for dispatch by hand (<see cref="DeskRoutes.Candidates"/>): the order's community's active
/// members that fit the query, ranked and explained by the core matching (<see cref="HandSearch"/>). A grid organizer
/// searches orders of their grid and the members of their grid.</summary>
public sealed class HandCandidates(OrderReader reader, MemberStore members, Dispatcher dispatcher, TimeProvider clock)
{
    public const int MaxQuery = 40;

    /// <exception cref="ApiProblemException">400 naming <c>q</c>, <c>grid</c> or <c>available</c>; 404 for an unknown order;
    /// 403 for an order outside the organizer's community or grid.</exception>
    public async Task<IReadOnlyList<CandidateView>> FindAsync(
        OrganizerLink organizer, string orderId, string? q, string? grid, string? available, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(organizer);
        var query = Query(q, grid, available);
        var order = await reader.LoadAsync(orderId, ct);
        organizer.For(order.State);
        var community = order.State.Request.Location.CommunityId;
        var now = clock.GetUtcNow();
        var roster = (await members.ListAsync(community, ct)).Where(m => organizer.Sees(m.Home.GridId));
        var loads = await dispatcher.LoadsAsync(community, now, ct);
        return [.. HandSearch.Find(order.State.Request, roster, loads, order.State.Excluded, now, query).Select(c =>
        {
            var (zh, en) = c.Explain();
            return new CandidateView(
                c.Member.MemberId, c.Member.Name, c.Member.Home.GridId, c.Member.Home.BuildingId, [.. c.Member.Skills.Select(s => s.ToString()).Order()],
                c.Load.OpenAssignments, c.Load.HalfHoursThisYear / 2m, c.HasSkill, c.AvailableAtWantedTime, c.Declined, c.Closeness, c.Reason, zh, en);
        })];
    }

    private static HandQuery Query(string? q, string? grid, string? available)
    {
        var errors = new Dictionary<string, string[]>();
        if (q is { Length: > 0 })
        {
            FreeText.Check(q, "q", multiLine: false, errors);
            if (q.Length > MaxQuery)
            {
                errors["q"] = [$"最多 {MaxQuery} 个字符。 At most {MaxQuery} characters."];
            }
        }

        if (grid is { Length: > 0 })
        {
            Ids.Check(grid, "grid", errors);
        }

        bool availableOnly = false;
        if (available is { Length: > 0 } && !bool.TryParse(available, out availableOnly))
        {
            errors["available"] = ["只能是 true 或 false。 Either true or false."];
        }

        return errors.Count > 0
            ? throw new ApiProblemException(ApiProblem.Validation(errors))
            : new HandQuery(q, grid is { Length: > 0 } ? grid : null, availableOnly);
    }
}
