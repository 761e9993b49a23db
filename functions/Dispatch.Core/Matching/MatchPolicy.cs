using System.Collections.Immutable;
using Dispatch.Core.Members;
using Dispatch.Core.Orders;

namespace Dispatch.Core.Matching;

/// <summary>Who should be offered an order, deterministic and explainable. Eligible: active members of
/// the order's community who offer the service, are available at the wanted time, and have not
/// declined or let this order expire. Ranked by closeness in the organization tree, then by who is
/// furthest behind this year's quota, then by fewest hours this year, then by fewest open
/// assignments; member id breaks ties.</summary>
public static class MatchPolicy
{
    public static ImmutableArray<Candidate> Rank(
        OrderRequest request,
        IEnumerable<Member> members,
        Func<string, MemberLoad> loadOf,
        IReadOnlyCollection<string> excluded,
        DateTimeOffset now)
    {
        var at = request.Urgent || request.WantedAt is null ? now : request.WantedAt.Value;
        var eligible = members
            .Where(m => m.Active
                        && m.Home.CommunityId == request.Location.CommunityId
                        && m.Skills.Contains(request.Category)
                        && m.Availability.IsAvailableAt(at)
                        && !excluded.Contains(m.MemberId))
            .Select(m => (Member: m, Closeness: ClosenessOf(m, request.Location), Load: loadOf(m.MemberId)))
            .OrderBy(c => c.Closeness)
            .ThenByDescending(c => c.Load.QuotaGap)
            .ThenBy(c => c.Load.HalfHoursThisYear)
            .ThenBy(c => c.Load.OpenAssignments)
            .ThenBy(c => c.Member.MemberId, StringComparer.Ordinal)
            .ToList();

        return [.. eligible.Select((c, i) => new Candidate(
            c.Member.MemberId,
            new MatchReason(c.Closeness, c.Load.QuotaGap, c.Load.HalfHoursThisYear, c.Load.OpenAssignments, i + 1, eligible.Count)))];
    }

    /// <summary>The event answering a <see cref="FindCandidate"/> effect.</summary>
    public static OrderEvent Answer(
        OrderRequest request, IEnumerable<Member> members, Func<string, MemberLoad> loadOf, IReadOnlyCollection<string> excluded, DateTimeOffset now)
    {
        var ranked = Rank(request, members, loadOf, excluded, now);
        return ranked.IsEmpty ? new NoCandidateLeft() : new CandidateFound(ranked[0].MemberId, ranked[0].Reason);
    }

    public static Closeness ClosenessOf(Member member, Location order) =>
        order.HouseholdId is { } household && member.Households.Contains(household) ? Closeness.LinkedHousehold
        : member.Home.GridId == order.GridId && member.Home.BuildingId == order.BuildingId ? Closeness.SameBuilding
        : member.Home.GridId == order.GridId ? Closeness.SameGrid
        : Closeness.SameCommunity;
}
