using Dispatch.Core.Hours;
using Dispatch.Core.Members;
using Dispatch.Core.Posts;

namespace Dispatch.Core.Tallies;

/// <summary>Annual tallies and roll-ups, pure. Rules:
/// <list type="bullet">
/// <item>A record counts in the China calendar year of <see cref="ServiceRecord.ServedOn"/>, the China
/// date on which the member reported the hours (a service from 23:00 on 31 December to 01:00 reported at
/// 01:00 counts in the new year; confirmation later does not move it). A correction carries its
/// original's ServedOn, so it lands in the same year.</item>
/// <item>A post claim counts in the year the post starts (<see cref="Post.QuotaYear"/>).</item>
/// <item>An entry is credited once per record id and member-year (a claim once per post and member),
/// the first one written winning, as the store does.</item>
/// <item>Records keep the location they were served in; roll-ups group members by their CURRENT home
/// grid and building on the roster, so a member who moved mid-year counts wholly in the new grid.</item>
/// <item>Who is counted: every active member on the roster (zero if idle: they still owe the quota),
/// plus anyone with entries in the year — deactivated or gone from the roster — so past work never
/// disappears. Members missing from the roster count in the community total only.</item>
/// </list></summary>
public static class TallyCalculator
{
    /// <summary>Recomputes every member's tally of <paramref name="year"/> from raw entries, grouped by
    /// (community, member) and ordered by them. The stored tally rows must equal this.</summary>
    public static IReadOnlyList<AnnualTally> FromRecords(
        IEnumerable<ServiceRecord> records, IEnumerable<PostClaim> postClaims, int year, PointsRules rules)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(postClaims);
        ArgumentNullException.ThrowIfNull(rules);
        // Grouped once by (community, member): linear in the number of entries.
        var recordsOf = records.Where(r => r.ServedOn.Year == year)
            .DistinctBy(r => (r.Location.CommunityId, r.MemberId, r.RecordId)) // as the store: once per member-year partition
            .ToLookup(r => (r.Location.CommunityId, r.MemberId));
        var claimsOf = postClaims.Where(c => c.Year == year)
            .DistinctBy(c => (c.CommunityId, c.MemberId, c.PostId))
            .ToLookup(c => (c.CommunityId, c.MemberId));
        var keys = recordsOf.Select(g => g.Key)
            .Concat(claimsOf.Select(g => g.Key))
            .Distinct()
            .OrderBy(k => k.CommunityId, StringComparer.Ordinal)
            .ThenBy(k => k.MemberId, StringComparer.Ordinal);
        return [.. keys.Select(k =>
        {
            var mine = recordsOf[k];
            var originals = mine.Where(r => !r.IsCorrection).ToList();
            var counts = new TallyCounts(
                HalfHours: mine.Sum(r => r.HalfHours),
                Services: originals.Count,
                Wishes: originals.Count(r => r.IsWish),
                Posts: claimsOf[k].Count(),
                RatingSum: originals.Sum(r => r.Rating ?? 0),
                RatingCount: originals.Count(r => r.Rating is not null),
                FiveStars: originals.Count(r => r.Rating == 5));
            return AnnualTally.Of(k.CommunityId, year, k.MemberId, counts, rules);
        })];
    }

    /// <summary>A community's year from the members' counters (stored tally rows or a recomputation) and
    /// the roster as it is now: who is counted and where, see the class remarks.</summary>
    public static TallyReport Report(
        string communityId,
        int year,
        IEnumerable<(string MemberId, TallyCounts Counts)> counts,
        IEnumerable<Member> roster,
        PointsRules rules)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(roster);
        var byId = roster.Where(m => m.Home.CommunityId == communityId).ToDictionary(m => m.MemberId, StringComparer.Ordinal);
        var done = counts.GroupBy(c => c.MemberId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last().Counts, StringComparer.Ordinal);
        var ids = byId.Values.Where(m => m.Active).Select(m => m.MemberId).Union(done.Keys).Order(StringComparer.Ordinal);
        var tallies = ids.Select(id => AnnualTally.Of(
            communityId, year, id, done.GetValueOrDefault(id) ?? TallyCounts.Zero, rules, byId.GetValueOrDefault(id))).ToList();
        return new TallyReport(communityId, year, rules, tallies, RollUps(communityId, tallies));
    }

    /// <summary>Totals per community, grid and building of the given tallies (by their GridId/BuildingId).</summary>
    public static TallyRollUps RollUps(string communityId, IReadOnlyCollection<AnnualTally> tallies)
    {
        ArgumentNullException.ThrowIfNull(tallies);
        var grids = tallies.Where(t => t.GridId is not null)
            .GroupBy(t => t.GridId!, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Sum(RollUpLevel.Grid, g.Key, g.Key, [.. g]));
        var buildings = tallies.Where(t => t.GridId is not null && t.BuildingId is not null)
            .GroupBy(t => (Grid: t.GridId!, Building: t.BuildingId!))
            .OrderBy(g => g.Key.Grid, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Building, StringComparer.Ordinal)
            .Select(g => Sum(RollUpLevel.Building, g.Key.Building, g.Key.Grid, [.. g]));
        return new TallyRollUps(Sum(RollUpLevel.Community, communityId, null, tallies), [.. grids], [.. buildings]);
    }

    private static RollUp Sum(RollUpLevel level, string id, string? gridId, IReadOnlyCollection<AnnualTally> tallies) => new(
        level,
        id,
        gridId,
        tallies.Count,
        tallies.Sum(t => t.HalfHours),
        tallies.Sum(t => t.Services),
        tallies.Sum(t => t.Wishes),
        tallies.Sum(t => t.Posts),
        tallies.Sum(t => t.Points),
        tallies.Count(t => t.QuotaMet));
}
