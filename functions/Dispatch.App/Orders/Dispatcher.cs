using Dispatch.Core.Matching;
using Dispatch.Core.Orders;
using Dispatch.Core.Time;
using Dispatch.Storage;

namespace Dispatch.App.Orders;

/// <summary>Answers <see cref="FindCandidate"/>: the matching policy over the community's members (through the cached
/// <see cref="RosterIndex"/>), their open assignments and this year's tallies (wishes, posts, hours).</summary>
public sealed class Dispatcher(RosterCache rosters, OrderIndex index, ServiceRecordStore records)
{
    public async Task<OrderEvent> AnswerAsync(OrderState state, FindCandidate find, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(find);
        var community = state.Request.Location.CommunityId;
        var roster = await rosters.GetAsync(community, ct);
        return roster.Answer(state.Request, await LoadsAsync(community, now, ct), find.Excluded, now);
    }

    /// <summary>Each member's load as the policy weighs it: open assignments and this year's wishes, posts and hours.</summary>
    public async Task<Func<string, MemberLoad>> LoadsAsync(string community, DateTimeOffset now, CancellationToken ct)
    {
        var open = await index.OpenAssignmentsAsync(community, ct);
        var tallies = (await records.TalliesAsync(community, ChinaTime.YearOf(now), ct)).ToDictionary(t => t.MemberId);
        return id => tallies.TryGetValue(id, out var t)
            ? new MemberLoad(open.GetValueOrDefault(id), t.Wishes, t.Posts, t.HalfHours)
            : MemberLoad.None with { OpenAssignments = open.GetValueOrDefault(id) };
    }
}
