using Dispatch.Core.Tallies;

namespace Dispatch.Core.Reports;

/// <summary>The rows of the annual tally exports (年度服务统计), pure: headers in Chinese or English, one row
/// per member, grid or community, and a total row (合计) under the member and grid lists.
/// <list type="bullet">
/// <item>Members are ordered by grid, building and id; each shows name, grid and building names, hours,
/// services, wishes, posts, the average rating (empty without ratings), points and whether the quota
/// (2 wishes + 1 post) is met. Never a phone.</item>
/// <item>Grids and the community show members counted, the sums, how many met the quota and the share in
/// percent (one decimal).</item>
/// <item>The total row is the community roll-up, so it also counts members no longer on the roster
/// (who belong to no grid): grid rows can add up to less than the total, never to more.</item>
/// </list></summary>
public static class TallyExport
{
    public const string MemberId = "memberId";
    public const string Member = "member";
    public const string Grid = "grid";
    public const string Building = "building";
    public const string Community = "community";
    public const string Members = "members";
    public const string Hours = "hours";
    public const string Services = "services";
    public const string Wishes = "wishes";
    public const string Posts = "posts";
    public const string Rating = "rating";
    public const string Points = "points";
    public const string QuotaMet = "quotaMet";
    public const string QuotaMetCount = "quotaMetCount";
    public const string QuotaMetPercent = "quotaMetPercent";

    private static readonly Dictionary<string, (string Zh, string En)> Words = new(StringComparer.Ordinal)
    {
        [MemberId] = ("党员编号", "Member ID"),
        [Member] = ("党员", "Member"),
        [Grid] = ("网格", "Grid"),
        [Building] = ("楼栋", "Building"),
        [Community] = ("社区", "Community"),
        [Members] = ("党员人数", "Members"),
        [Hours] = ("服务时长(小时)", "Service hours"),
        [Services] = ("服务次数", "Services"),
        [Wishes] = ("认领心愿", "Wishes claimed"),
        [Posts] = ("认领岗位", "Posts claimed"),
        [Rating] = ("平均评价", "Average rating"),
        [Points] = ("积分", "Points"),
        [QuotaMet] = ("是否完成年度任务", "Annual quota met"),
        [QuotaMetCount] = ("完成年度任务人数", "Members meeting quota"),
        [QuotaMetPercent] = ("年度任务完成率(%)", "Quota completion (%)"),
        ["total"] = ("合计", "Total"),
        ["yes"] = ("是", "Yes"),
        ["no"] = ("否", "No"),
        ["sheet.member"] = ("党员服务统计", "Member service hours"),
        ["sheet.grid"] = ("网格服务统计", "Grid service hours"),
        ["sheet.community"] = ("社区服务统计", "Community service hours"),
    };

    private static readonly string[] MemberColumns = [MemberId, Member, Grid, Building, Hours, Services, Wishes, Posts, Rating, Points, QuotaMet];

    private static readonly string[] GroupColumns = [Members, Hours, Services, Wishes, Posts, Points, QuotaMetCount, QuotaMetPercent];

    /// <summary>A word of the exports in the language (headers by their column key, "total", "yes", "no").</summary>
    public static string Word(string key, ReportLanguage language) =>
        Words.TryGetValue(key, out var w) ? (language == ReportLanguage.En ? w.En : w.Zh) : key;

    /// <summary>The column keys of a level, in order.</summary>
    public static IReadOnlyList<string> Columns(ReportLevel level) => level switch
    {
        ReportLevel.Member => MemberColumns,
        ReportLevel.Grid => [Grid, .. GroupColumns],
        _ => [Community, .. GroupColumns],
    };

    public static IReadOnlyList<string> Headers(ReportLevel level, ReportLanguage language) =>
        [.. Columns(level).Select(c => Word(c, language))];

    public static ReportTable Build(TallyReport report, ReportLevel level, ReportLanguage language, ReportNames names)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(names);
        var title = Word("sheet." + level.ToString().ToLowerInvariant(), language);
        var rows = level switch
        {
            ReportLevel.Member => MemberRows(report, language, names),
            ReportLevel.Grid => GridRows(report, language, names),
            _ => [GroupRow(names.Community.In(language), report.RollUps.Community)],
        };
        return new ReportTable(title, Headers(level, language), rows);
    }

    private static List<IReadOnlyList<object?>> MemberRows(TallyReport report, ReportLanguage language, ReportNames names)
    {
        var rows = report.Tallies
            .OrderBy(t => t.GridId is null ? 1 : 0)
            .ThenBy(t => t.GridId, StringComparer.Ordinal)
            .ThenBy(t => t.BuildingId, StringComparer.Ordinal)
            .ThenBy(t => t.MemberId, StringComparer.Ordinal)
            .Select(t => (IReadOnlyList<object?>)
            [
                t.MemberId,
                names.Member(t.MemberId),
                names.Grid(t.GridId, language),
                names.Building(t.BuildingId, language),
                t.Hours,
                t.Services,
                t.Wishes,
                t.Posts,
                t.AverageRating,
                t.Points,
                Word(t.QuotaMet ? "yes" : "no", language),
            ])
            .ToList();
        var all = report.RollUps.Community;
        rows.Add(
        [
            Word("total", language), $"{all.Members}", "", "", all.Hours, all.Services, all.Wishes, all.Posts,
            AverageOf(report.Tallies), all.Points, $"{all.QuotaMet}/{all.Members}",
        ]);
        return rows;
    }

    private static List<IReadOnlyList<object?>> GridRows(TallyReport report, ReportLanguage language, ReportNames names)
    {
        var rows = report.RollUps.Grids.Select(g => GroupRow(names.Grid(g.Id, language), g)).ToList();
        rows.Add(GroupRow(Word("total", language), report.RollUps.Community));
        return rows;
    }

    private static IReadOnlyList<object?> GroupRow(string name, RollUp r) =>
        [name, r.Members, r.Hours, r.Services, r.Wishes, r.Posts, r.Points, r.QuotaMet, Math.Round(r.QuotaMetShare * 100m, 1)];

    /// <summary>The average over every rating given (not an average of averages), or null.</summary>
    private static decimal? AverageOf(IReadOnlyCollection<AnnualTally> tallies)
    {
        var count = tallies.Sum(t => t.RatingCount);
        return count == 0 ? null : Math.Round((decimal)tallies.Sum(t => t.RatingSum) / count, 2);
    }
}
