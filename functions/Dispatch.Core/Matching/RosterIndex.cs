using System.Collections.Frozen;
using Dispatch.Core.Members;
using Dispatch.Core.Orders;

namespace Dispatch.Core.Matching;

/// <summary>One community's active members arranged for matching: per service, by linked household, building and
/// grid, each with their free hours as bits, and how many are free in each hour of the week. <see cref="Answer"/>
/// gives the same answer as <see cref="MatchPolicy.Answer"/> over the same members (a property test holds them to
/// it) without sorting the roster: closeness ranks first, so the closest tier with anyone free holds the pick, and
/// the count of eligible members comes from the hour counts less the excluded.</summary>
public sealed class RosterIndex
{
    private readonly FrozenDictionary<ServiceCategory, Bucket> _byService;

    private readonly FrozenSet<string> _active;

    private RosterIndex(string communityId, FrozenDictionary<ServiceCategory, Bucket> byService, FrozenSet<string> active)
    {
        CommunityId = communityId;
        _byService = byService;
        _active = active;
    }

    public string CommunityId { get; }

    /// <summary>How many active members the index holds.</summary>
    public int Count => _active.Count;

    /// <summary>Whether the member is one of the community's active members.</summary>
    public bool Holds(string memberId) => _active.Contains(memberId);

    /// <summary>Indexes the active members of <paramref name="communityId"/> among <paramref name="members"/>.</summary>
    public static RosterIndex Of(string communityId, IEnumerable<Member> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        var active = members.Where(m => m.Active && m.Home.CommunityId == communityId).ToList();
        var byService = active
            .SelectMany(m => m.Skills.Select(s => (Service: s, Entry: new Entry(m, WeekHours.Of(m.Availability)))))
            .GroupBy(x => x.Service)
            .ToFrozenDictionary(g => g.Key, g => Bucket.Of([.. g.Select(x => x.Entry)]));
        return new(communityId, byService, active.Select(m => m.MemberId).ToFrozenSet(StringComparer.Ordinal));
    }

    /// <summary>The event answering a <see cref="FindCandidate"/> effect: the best-ranked eligible member with why,
    /// or nobody left.</summary>
    public OrderEvent Answer(OrderRequest request, Func<string, MemberLoad> loadOf, IReadOnlyCollection<string> excluded, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(loadOf);
        ArgumentNullException.ThrowIfNull(excluded);
        if (request.Location.CommunityId != CommunityId || !_byService.TryGetValue(request.Category, out var bucket))
        {
            return new NoCandidateLeft();
        }

        var bit = WeekHours.BitOf(request.Urgent || request.WantedAt is null ? now : request.WantedAt.Value);
        var eligible = bucket.FreeAt[bit] - excluded.Distinct(StringComparer.Ordinal)
            .Count(id => bucket.ById.TryGetValue(id, out var e) && e.Free.Has(bit));
        if (eligible == 0)
        {
            return new NoCandidateLeft();
        }

        var place = request.Location;
        var best = (place.HouseholdId is { } household ? Best(bucket.ByHousehold.GetValueOrDefault(household), place, bit, loadOf, excluded) : null)
                   ?? Best(bucket.ByBuilding.GetValueOrDefault((place.GridId, place.BuildingId)), place, bit, loadOf, excluded)
                   ?? Best(bucket.ByGrid.GetValueOrDefault(place.GridId), place, bit, loadOf, excluded)
                   ?? Best(bucket.All, place, bit, loadOf, excluded)!;
        return new CandidateFound(best.MemberId, new MatchReason(best.Closeness, best.Load.QuotaGap, best.Load.HalfHoursThisYear, best.Load.OpenAssignments, 1, eligible));
    }

    /// <summary>The best free, not excluded member of one tier, or null when nobody there is. Any member closer than
    /// this tier was in an earlier one, where nobody was eligible, so the policy's order holds across tiers.</summary>
    private static Ranked? Best(Entry[]? tier, Location place, int bit, Func<string, MemberLoad> loadOf, IReadOnlyCollection<string> excluded)
    {
        Ranked? best = null;
        foreach (var entry in tier ?? [])
        {
            if (!entry.Free.Has(bit) || excluded.Contains(entry.Member.MemberId))
            {
                continue;
            }

            var ranked = new Ranked(entry.Member.MemberId, MatchPolicy.ClosenessOf(entry.Member, place), loadOf(entry.Member.MemberId));
            if (best is null || ranked.CompareTo(best) < 0)
            {
                best = ranked;
            }
        }

        return best;
    }

    private sealed record Entry(Member Member, WeekHours Free);

    /// <summary>The members offering one service, by tier, with how many are free in each hour of the week.</summary>
    private sealed record Bucket(
        Entry[] All,
        FrozenDictionary<string, Entry> ById,
        FrozenDictionary<string, Entry[]> ByHousehold,
        FrozenDictionary<(string Grid, string Building), Entry[]> ByBuilding,
        FrozenDictionary<string, Entry[]> ByGrid,
        int[] FreeAt)
    {
        public static Bucket Of(Entry[] entries)
        {
            var freeAt = new int[7 * 24];
            foreach (var entry in entries)
            {
                entry.Free.AddTo(freeAt);
            }

            return new(
                entries,
                entries.ToFrozenDictionary(e => e.Member.MemberId, StringComparer.Ordinal),
                entries.SelectMany(e => e.Member.Households.Select(h => (Household: h, Entry: e)))
                    .GroupBy(x => x.Household, StringComparer.Ordinal)
                    .ToFrozenDictionary(g => g.Key, g => g.Select(x => x.Entry).ToArray(), StringComparer.Ordinal),
                entries.GroupBy(e => (e.Member.Home.GridId, e.Member.Home.BuildingId)).ToFrozenDictionary(g => g.Key, g => g.ToArray()),
                entries.GroupBy(e => e.Member.Home.GridId, StringComparer.Ordinal).ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal),
                freeAt);
        }
    }

    /// <summary>The policy's order: closeness, then quota gap (larger first), hours, open assignments, member id.</summary>
    private sealed record Ranked(string MemberId, Closeness Closeness, MemberLoad Load) : IComparable<Ranked>
    {
        public int CompareTo(Ranked? other)
        {
            ArgumentNullException.ThrowIfNull(other);
            var c = Closeness.CompareTo(other.Closeness);
            if (c == 0)
            {
                c = other.Load.QuotaGap.CompareTo(Load.QuotaGap);
            }

            if (c == 0)
            {
                c = Load.HalfHoursThisYear.CompareTo(other.Load.HalfHoursThisYear);
            }

            if (c == 0)
            {
                c = Load.OpenAssignments.CompareTo(other.Load.OpenAssignments);
            }

            return c != 0 ? c : string.CompareOrdinal(MemberId, other.MemberId);
        }
    }
}
