using Dispatch.App.SignedLinks;
using Dispatch.Core.Members;
using Dispatch.Core.Reports;
using Dispatch.Core.Tallies;
using Dispatch.Storage;

namespace Dispatch.App.Reports;

/// <summary>Reads what the reports need: the live tally report (the running tally rows and the roster, as
/// GET /api/tallies) and the names to show instead of ids. Members' names only; phones stay behind. A grid
/// organizer's report holds the members who live in their grid (the roll-ups group by current grid), so the scope
/// is applied here, once, by the roster (<see cref="RosterAsync"/>).</summary>
public sealed class ReportData(ServiceRecordStore records, MemberStore members, OrgDirectory org, PointsRules rules)
{
    /// <summary>The live tally report the reader may see (their community; a grid organizer's, their grid).</summary>
    public async Task<(TallyReport Report, IReadOnlyList<Member> Roster)> ReportAsync(ReportReaderLink reader, int year, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var roster = await RosterAsync(reader, ct);
        var ids = roster.Select(m => m.MemberId).ToHashSet(StringComparer.Ordinal);
        var counts = (await records.TalliesAsync(reader.CommunityId, year, ct)).Where(t => ids.Contains(t.MemberId));
        return (TallyCalculator.Report(reader.CommunityId, year, counts.Select(t => (t.MemberId, t.Counts)), roster, rules), roster);
    }

    /// <summary>The members the reader's reports cover: the community's, or those living in a grid organizer's grid.</summary>
    public async Task<IReadOnlyList<Member>> RosterAsync(ReportReaderLink reader, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return [.. (await members.ListAsync(reader.CommunityId, ct)).Where(m => reader.Sees(m.Home.GridId))];
    }

    public async Task<(TallyReport Report, ReportNames Names)> TalliesAsync(ReportReaderLink reader, int year, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var (report, roster) = await ReportAsync(reader, year, ct);
        var names = await NamesAsync(reader.CommunityId, ct) with
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
