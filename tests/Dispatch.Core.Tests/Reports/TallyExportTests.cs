using System.Text;
using Dispatch.Core.Reports;
using Dispatch.Core.Tallies;
using static Dispatch.Core.Tests.Tallies.TallyFixtures;

namespace Dispatch.Core.Tests.Reports;

public class TallyExportTests
{
    private static readonly ReportNames Names = new(
        new PlaceName("湖滨社区", "Hubin Community"),
        new Dictionary<string, PlaceName> { ["g1"] = new("第一网格", "Grid 1"), ["g2"] = new("第二网格", "Grid 2") },
        new Dictionary<string, PlaceName> { ["b1"] = new("1号楼", "Building 1"), ["b2"] = new("2号楼", "Building 2") },
        new Dictionary<string, string> { ["m1"] = "张伟", ["m2"] = "=HYPERLINK(\"http://x\")", ["m3"] = "李, \"小\"红" });

    /// <summary>m1: 2 wishes + a post (quota met, 5 half-hours); m2: one service; m3 idle; m9 gone from the roster.</summary>
    private static TallyReport Report()
    {
        var records = new[]
        {
            Record("o1", "m1", halfHours: 3, wish: true, rating: 5, community: "c1"),
            Record("o2", "m1", halfHours: 2, wish: true, rating: 4, community: "c1"),
            Record("o3", "m2", halfHours: 4, rating: 3, community: "c1", grid: "g2", building: "b2"),
            Record("o4", "m9", halfHours: 1, community: "c1"),
        };
        var counts = TallyCalculator.FromRecords(records, [Claim("p1", "m1", community: "c1")], 2026, PointsRules.Default)
            .Select(t => (t.MemberId, t.Counts));
        var roster = new[] { Member("m1"), Member("m2", grid: "g2", building: "b2"), Member("m3", grid: "g2", building: "b2") };
        return TallyCalculator.Report("c1", 2026, counts, roster, PointsRules.Default);
    }

    [Fact]
    public void Member_rows_have_Chinese_headers_by_default_and_English_ones_on_request()
    {
        var zh = TallyExport.Build(Report(), ReportLevel.Member, ReportLanguage.Zh, Names);
        Assert.Equal(["党员编号", "党员", "网格", "楼栋", "服务时长(小时)", "服务次数", "认领心愿", "认领岗位", "平均评价", "积分", "是否完成年度任务"], zh.Headers);
        Assert.Equal("党员服务统计", zh.Title);
        var en = TallyExport.Build(Report(), ReportLevel.Member, ReportLanguage.En, Names);
        Assert.Equal(["Member ID", "Member", "Grid", "Building", "Service hours", "Services", "Wishes claimed", "Posts claimed", "Average rating", "Points", "Annual quota met"], en.Headers);

        var m1 = zh.Rows[0];
        Assert.Equal<object?>(["m1", "张伟", "第一网格", "1号楼", 2.5m, 2, 2, 1, 4.5m, 2.5m + 4m + 5m + 1m, "是"], m1);
        Assert.Equal<object?>(["m1", "张伟", "Grid 1", "Building 1"], en.Rows[0].Take(4));
        Assert.Equal("Yes", en.Rows[0][^1]);
        var idle = Assert.Single(zh.Rows, r => (string)r[0]! == "m3");
        Assert.Equal<object?>([0m, 0, 0, 0, null, 0m, "否"], idle.Skip(4));
    }

    [Fact]
    public void Members_are_listed_by_grid_and_the_total_row_equals_the_community_tally()
    {
        var report = Report();
        var table = TallyExport.Build(report, ReportLevel.Member, ReportLanguage.Zh, Names);
        Assert.Equal(["m1", "m2", "m3", "m9", "合计"], table.Rows.Select(r => r[0]));
        var members = table.Rows.SkipLast(1).ToList();
        var total = table.Rows[^1];
        var hours = table.Column("服务时长(小时)");
        Assert.Equal(report.Tallies.Sum(t => t.Hours), members.Sum(r => (decimal)r[hours]!));
        Assert.Equal(5m, (decimal)total[hours]!); // 10 half-hours, m9's off-roster work included
        Assert.Equal(report.RollUps.Community.Services, (int)total[table.Column("服务次数")]!);
        Assert.Equal(report.RollUps.Community.Points, (decimal)total[table.Column("积分")]!);
        Assert.Equal("1/4", total[table.Column("是否完成年度任务")]);
        Assert.Equal(4m, total[table.Column("平均评价")]); // (5+4+3)/3, over every rating
    }

    [Fact]
    public void Grid_and_community_rows_sum_the_roll_ups_with_the_quota_share_in_percent()
    {
        var report = Report();
        var grids = TallyExport.Build(report, ReportLevel.Grid, ReportLanguage.Zh, Names);
        Assert.Equal(["网格", "党员人数", "服务时长(小时)", "服务次数", "认领心愿", "认领岗位", "积分", "完成年度任务人数", "年度任务完成率(%)"], grids.Headers);
        Assert.Equal<object?>(["第一网格", 1, 2.5m, 2, 2, 1, 12.5m, 1, 100.0m], grids.Rows[0]);
        Assert.Equal<object?>(["第二网格", 2, 2m, 1, 0, 0, 2m, 0, 0m], grids.Rows[1]);
        Assert.Equal<object?>(["合计", 4, 5m, 4, 2, 1, 15m, 1, 25.0m], grids.Rows[2]);

        var community = TallyExport.Build(report, ReportLevel.Community, ReportLanguage.En, Names);
        Assert.Equal("Community", community.Headers[0]);
        Assert.Equal<object?>(["Hubin Community", 4, 5m, 4, 2, 1, 15m, 1, 25.0m], Assert.Single(community.Rows));
    }

    [Fact]
    public void No_phone_reaches_an_export()
    {
        foreach (var level in Enum.GetValues<ReportLevel>())
        {
            var csv = Encoding.UTF8.GetString(ReportCsv.Write(TallyExport.Build(Report(), level, ReportLanguage.Zh, Names)));
            Assert.DoesNotContain("13900000000", csv, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Options_read_level_and_language_and_refuse_others()
    {
        Assert.Equal((ReportLevel.Member, ReportLanguage.Zh), (ReportOptions.ParseLevel(null), ReportOptions.ParseLanguage("")));
        Assert.Equal((ReportLevel.Grid, ReportLanguage.En), (ReportOptions.ParseLevel("GRID"), ReportOptions.ParseLanguage("en")));
        Assert.Null(ReportOptions.ParseLevel("building"));
        Assert.Null(ReportOptions.ParseLanguage("fr"));
    }
}
