using System.Collections.Immutable;
using System.Globalization;
using Dispatch.Core.Members;
using Dispatch.Core.Orders;
using Dispatch.Core.Registry;

namespace Dispatch.Core.Matching;

/// <summary>What an organizer typed to find a member to dispatch to by hand: part of a name or a service (Chinese
/// or English), a grid, and whether only members free at the order's wanted time count.</summary>
public sealed record HandQuery(string? Text, string? GridId, bool AvailableOnly)
{
    public bool Matches(HandCandidate c)
    {
        ArgumentNullException.ThrowIfNull(c);
        if ((GridId is { Length: > 0 } grid && c.Member.Home.GridId != grid) || (AvailableOnly && !c.AvailableAtWantedTime))
        {
            return false;
        }

        if (string.IsNullOrWhiteSpace(Text))
        {
            return true;
        }

        var text = Text.Trim();
        return c.Member.Name.Contains(text, StringComparison.OrdinalIgnoreCase)
            || c.Member.Skills.Any(s => s.ToString().Contains(text, StringComparison.OrdinalIgnoreCase))
            || MemberImport.CategoryNames.Any(n => c.Member.Skills.Contains(n.Value) && n.Key.Contains(text, StringComparison.Ordinal));
    }
}

/// <summary>A member an organizer may dispatch an order to by hand, with what the matching policy says of them:
/// <see cref="Reason"/> is the policy's own (its rank among the eligible) when the member is eligible, else null and
/// the flags say why not.</summary>
public sealed record HandCandidate(
    Member Member, MemberLoad Load, Closeness Closeness, bool HasSkill, bool AvailableAtWantedTime, bool Declined, MatchReason? Reason)
{
    /// <summary>Why this member, in Chinese and in English, for the desk.</summary>
    public (string Zh, string En) Explain()
    {
        var zh = new List<string>();
        var en = new List<string>();
        if (Reason is { } r)
        {
            zh.Add($"系统推荐第 {r.Rank} 位（共 {r.CandidateCount} 位）");
            en.Add($"matching ranks them {r.Rank} of {r.CandidateCount}");
        }

        zh.Add(Closeness switch { Closeness.LinkedHousehold => "联系该户", Closeness.SameBuilding => "同楼栋", Closeness.SameGrid => "同网格", _ => "同社区" });
        en.Add(Closeness switch { Closeness.LinkedHousehold => "linked to the household", Closeness.SameBuilding => "same building", Closeness.SameGrid => "same grid", _ => "same community" });
        if (!HasSkill)
        {
            zh.Add("未登记此项服务");
            en.Add("does not offer this service");
        }

        zh.Add(AvailableAtWantedTime ? "约定时间有空" : "约定时间不在可服务时间内");
        en.Add(AvailableAtWantedTime ? "free at the wanted time" : "not free at the wanted time");
        if (Declined)
        {
            zh.Add("已拒绝或超时未答复此单");
            en.Add("declined this order or let it expire");
        }

        var hours = (Load.HalfHoursThisYear / 2m).ToString("0.#", CultureInfo.InvariantCulture);
        zh.Add($"今年 {hours} 小时，手上 {Load.OpenAssignments} 单，年度任务还差 {Load.QuotaGap} 项");
        en.Add($"{hours} h this year, {Load.OpenAssignments} open, {Load.QuotaGap} quota item(s) due");
        return (string.Join("；", zh), string.Join("; ", en));
    }
}

/// <summary>The search behind dispatch by hand: every active member of the order's community that fits the query,
/// the policy's eligible members first in the policy's order (<see cref="MatchPolicy.Rank"/>), then the others by
/// whether they offer the service, are free then, closeness and load. Inactive members are left out; members who
/// declined the order (or let it expire) are marked, not hidden.</summary>
public static class HandSearch
{
    public const int MaxResults = 50;

    public static ImmutableArray<HandCandidate> Find(
        OrderRequest request, IEnumerable<Member> members, Func<string, MemberLoad> loadOf, IReadOnlyCollection<string> excluded, DateTimeOffset now, HandQuery query)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(loadOf);
        ArgumentNullException.ThrowIfNull(excluded);
        ArgumentNullException.ThrowIfNull(query);
        var at = request.Urgent || request.WantedAt is null ? now : request.WantedAt.Value;
        var active = members.Where(m => m.Active && m.Home.CommunityId == request.Location.CommunityId).ToList();
        var ranked = MatchPolicy.Rank(request, active, loadOf, excluded, now).ToDictionary(c => c.MemberId, c => c.Reason, StringComparer.Ordinal);
        return [.. active
            .Select(m => new HandCandidate(
                m, loadOf(m.MemberId), MatchPolicy.ClosenessOf(m, request.Location), m.Skills.Contains(request.Category),
                m.Availability.IsAvailableAt(at), excluded.Contains(m.MemberId), ranked.GetValueOrDefault(m.MemberId)))
            .Where(query.Matches)
            .OrderBy(c => c.Reason is null)
            .ThenBy(c => c.Reason?.Rank ?? 0)
            .ThenBy(c => c.Declined)
            .ThenBy(c => !c.HasSkill)
            .ThenBy(c => !c.AvailableAtWantedTime)
            .ThenBy(c => c.Closeness)
            .ThenBy(c => c.Load.OpenAssignments)
            .ThenBy(c => c.Member.MemberId, StringComparer.Ordinal)
            .Take(MaxResults)];
    }
}
