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
        Assert.Equal(MemberImport.Columns, table.Headers);
        Assert.Equal(["g1", "1号楼", "小修小补、走访探望", "任何时间"], table.Rows[0].Skip(2).Cast<string>());
        Assert.Equal(["第二网格", "4号楼", "课业辅导", "周一18-21、周日8-12"], table.Rows[1].Skip(2).Cast<string>());

        var plan = MemberImport.Read(Encoding.UTF8.GetString(ReportCsv.Write(table)), Directory);
        Assert.Empty(plan.Errors);
        Assert.Equal(
            members.Select(m => (m.Name, m.Phone, m.Home, Skills: string.Join(",", m.Skills.Order()), Slots: string.Join(",", m.Availability.Slots.OrderBy(s => s.Day)))),
            plan.Rows.Select(r => r.Details.ToMember(r.Details.Phone)).Select(m => (m.Name, m.Phone, m.Home, Skills: string.Join(",", m.Skills.Order()), Slots: string.Join(",", m.Availability.Slots.OrderBy(s => s.Day)))));
    }
}
