using Dispatch.Core.Reports;
using Dispatch.Core.Tallies;
using Dispatch.Storage;

namespace Dispatch.App.Reports;

/// <summary>Reads what the reports need: the live tally report (the running tally rows and the roster, as
/// GET /api/tallies) and the names to show instead of ids. Members' names only; phones stay behind.</summary>
public sealed class ReportData(ServiceRecordStore records, MemberStore members, OrgDirectory org, PointsRules rules)
{
    public async Task<(TallyReport Report, ReportNames Names)> TalliesAsync(string communityId, int year, CancellationToken ct)
    {
        var counts = await records.TalliesAsync(communityId, year, ct);
        var roster = await members.ListAsync(communityId, ct);
        var report = TallyCalculator.Report(communityId, year, counts.Select(t => (t.MemberId, t.Counts)), roster, rules);
        var names = await NamesAsync(communityId, ct) with
        {
            Members = roster.ToDictionary(m => m.MemberId, m => m.Name, StringComparer.Ordinal),
        };
        return (report, names);
    }

    /// <summary>The community's, grids' and buildings' names (ids where the directory has none).</summary>
    public async Task<ReportNames> NamesAsync(string communityId, CancellationToken ct)
    {
        var tree = await org.GetCommunityAsync(communityId, ct);
        return new ReportNames(
            tree is null ? new PlaceName(communityId, communityId) : new PlaceName(tree.Community.NameZh, tree.Community.NameEn),
            tree?.Grids.ToDictionary(g => g.GridId, g => new PlaceName(g.NameZh, g.NameEn), StringComparer.Ordinal) ?? [],
            tree?.Buildings.DistinctBy(b => b.BuildingId).ToDictionary(b => b.BuildingId, b => new PlaceName(b.NameZh, b.NameEn), StringComparer.Ordinal) ?? [],
            new Dictionary<string, string>(StringComparer.Ordinal));
    }
}
