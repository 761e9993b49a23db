using System.Text;
using Dispatch.Core.Members;
using Dispatch.Core.Registry;
using Dispatch.Core.Reports;

namespace Dispatch.Core.Tests.Registry;

/// <summary>The export writes what the import reads: every member comes back with the same details.</summary>
public class MemberExportTests
{
    // "g2" is also the Chinese name of grid g1 here, so g1 must be written by its id to read back as g1.
    private static readonly ImportDirectory Directory = new(
        new CommunityPlaces("hubin", new HashSet<string> { "g1", "g2" }, new HashSet<(string, string)> { ("g1", "b1"), ("g2", "b4") }),
        new Dictionary<string, string> { ["g2"] = "g1", ["第二网格"] = "g2" },
        new Dictionary<(string, string), string> { [("g1", "1号楼")] = "b1", [("g2", "4号楼")] = "b4" });

    [Fact]
    public void Exported_members_read_back_as_the_same_details()
    {
        Member[] members =
        [
            new("m1", "张伟", "13900001234", new Location("hubin", "g1", "b1"), [ServiceCategory.Repair, ServiceCategory.Visit], Availability.AnyTime),
            new("m2", "李静", "13800000001", new Location("hubin", "g2", "b4"), [ServiceCategory.Tutoring],
                new Availability([new WeeklySlot(DayOfWeek.Sunday, 8, 12), new WeeklySlot(DayOfWeek.Monday, 18, 21)]), Active: false),
        ];

        var table = MemberExport.Table("党员名单", members, Directory);
        Assert.Equal([.. MemberImport.Columns, "状态"], table.Headers);
        Assert.Equal(["g1", "1号楼", "小修小补、走访探望", "任何时间", "在岗"], table.Rows[0].Skip(2).Cast<string>());
        Assert.Equal(["第二网格", "4号楼", "课业辅导", "周一18-21、周日8-12", "停用"], table.Rows[1].Skip(2).Cast<string>());

        var plan = MemberImport.Read(Encoding.UTF8.GetString(ReportCsv.Write(table)), Directory);
        Assert.Empty(plan.Errors);
        Assert.Equal(
            members.Select(m => (m.Name, m.Phone, m.Home, Skills: string.Join(",", m.Skills.Order()), Slots: string.Join(",", m.Availability.Slots.OrderBy(s => s.Day)), m.Active)),
            plan.Rows.Select(r => plan.MemberOf(r, r.Details.Phone)).Select(m => (m.Name, m.Phone, m.Home, Skills: string.Join(",", m.Skills.Order()), Slots: string.Join(",", m.Availability.Slots.OrderBy(s => s.Day)), m.Active)));
    }

    [Fact]
    public void The_status_column_is_optional_and_a_status_other_than_active_or_deactivated_is_a_row_error()
    {
        var sixColumns = MemberImport.Read("姓名,手机号,网格,楼栋,服务类别,可服务时间\n张伟,13900001234,g1,1号楼,小修小补,任何时间\n", Directory);
        Assert.Empty(sixColumns.Errors);
        Assert.True(sixColumns.MemberOf(sixColumns.Rows[0], "m1").Active);

        var odd = MemberImport.Read("姓名,手机号,网格,楼栋,服务类别,可服务时间,状态\n张伟,13900001234,g1,1号楼,小修小补,任何时间,休假\n", Directory);
        var error = Assert.Single(odd.Errors);
        Assert.Equal((2, "状态"), (error.Row, error.Column));
        Assert.Empty(odd.Rows);
    }
}
