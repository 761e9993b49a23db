using Dispatch.Core.Api;
using Dispatch.Core.Members;
using Dispatch.Core.Registry;

namespace Dispatch.Core.Tests.Registry;

public class MemberImportTests
{
    private static readonly ImportDirectory Directory = new(
        new CommunityPlaces("hubin", new HashSet<string> { "g1", "g2" }, new HashSet<(string, string)> { ("g1", "b1"), ("g2", "b4") }),
        new Dictionary<string, string> { ["第一网格"] = "g1", ["第二网格"] = "g2" },
        new Dictionary<(string, string), string> { [("g1", "1号楼")] = "b1", [("g2", "4号楼")] = "b4" });

    private const string Header = "姓名,手机号,网格,楼栋,服务类别,可服务时间\r\n";

    [Fact]
    public void Rows_name_places_and_services_as_people_write_them()
    {
        var plan = MemberImport.Read("\uFEFF" + Header +
            "张伟,139 0000 1234,第一网格,1号楼,小修小补、走访探望,工作日晚上\r\n" +
            "\"李静\",13800000001,g2,b4,Tutoring,\"周六8-12，周日8-12\"\n", Directory);

        Assert.Empty(plan.Errors);
        var (row, zhang) = plan.Rows[0];
        Assert.Equal((2, "13900001234", "g1", "b1"), (row, zhang.Phone, zhang.Home.GridId, zhang.Home.BuildingId));
        Assert.Equal([ServiceCategory.Repair, ServiceCategory.Visit], zhang.Skills.Order());
        Assert.Equal(5, zhang.Availability.Slots.Length);
        Assert.Equal([new WeeklySlot(DayOfWeek.Saturday, 8, 12), new WeeklySlot(DayOfWeek.Sunday, 8, 12)], plan.Rows[1].Details.Availability.Slots.ToArray());
    }

    [Fact]
    public void Every_bad_row_gets_its_row_number_column_and_a_chinese_reason_and_the_good_rows_still_count()
    {
        var plan = MemberImport.Read(Header +
            "张伟,1390000123,第一网格,1号楼,小修小补,任何时间\n" +
            "王芳,13900000002,第三网格,1号楼,小修小补,\n" +
            "赵明,13900000003,第一网格,4号楼,做饭,\n" +
            "孙丽,13900000004,第二网格,4号楼,健康检查,下午\n" +
            "周强,13900000005,第一网格,1号楼,健康检查,\n" +
            "周强,139-0000-0005,第一网格,1号楼,健康检查,\n" +
            "多一列,13900000006,第一网格,1号楼,健康检查,,x\n", Directory);

        Assert.Equal([6], plan.Rows.Select(r => r.Row));
        Assert.Equal(
            [(2, "手机号"), (3, "网格"), (4, "楼栋"), (4, "服务类别"), (5, "可服务时间"), (7, "手机号"), (8, "")],
            plan.Errors.Select(e => (e.Row, e.Column)));
        Assert.Equal("请填写 11 位手机号码。", plan.Errors[0].Reason);
        Assert.Equal("本社区没有网格“第三网格”。", plan.Errors[1].Reason);
        Assert.Equal("与第 6 行手机号重复。", plan.Errors[5].Reason);
    }

    [Theory]
    [InlineData("")]
    [InlineData("name,phone,grid,building,skills,when\n")]
    [InlineData("姓名,手机号,网格,楼栋,服务类别\n张伟,13900001234,g1,b1,Repair\n")]
    public void A_file_without_the_header_is_refused_as_a_whole(string csv)
    {
        var problem = Assert.Throws<ApiProblemException>(() => MemberImport.Read(csv, Directory)).Problem;

        Assert.StartsWith("第 1 行应为表头", problem.Errors!["file"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void Quoted_cells_keep_commas_quotes_and_line_breaks()
    {
        Assert.Equal([["a,b", "say \"hi\"", "x\ny"], ["z"]], Csv.Rows("\"a,b\",\"say \"\"hi\"\"\",\"x\ny\"\r\nz"));
    }
}
