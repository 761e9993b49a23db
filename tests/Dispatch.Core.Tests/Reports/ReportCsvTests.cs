using System.Text;
using Dispatch.Core.Reports;

namespace Dispatch.Core.Tests.Reports;

public class ReportCsvTests
{
    private static string Text(byte[] bytes)
    {
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes.Take(3)); // the BOM Excel needs to read UTF-8
        return Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
    }

    [Fact]
    public void Csv_is_utf8_with_bom_crlf_and_quotes_only_what_needs_quoting()
    {
        var table = new ReportTable("t", ["党员", "说明", "时长"],
        [
            ["张伟", "普通", 2.5m],
            ["李, 小红", "他说\"好\"", 3],
            ["王\n芳", null, -0.5m],
        ]);
        Assert.Equal(
            "党员,说明,时长\r\n张伟,普通,2.5\r\n\"李, 小红\",\"他说\"\"好\"\"\",3\r\n\"王\n芳\",,-0.5\r\n",
            Text(ReportCsv.Write(table)));
    }

    [Theory]
    [InlineData("=SUM(A1:A9)", "'=SUM(A1:A9)")]
    [InlineData("+8613800000000", "'+8613800000000")]
    [InlineData("-1", "'-1")]
    [InlineData("@cmd", "'@cmd")]
    [InlineData("\tx", "'\tx")]
    [InlineData("张=伟", "张=伟")]
    [InlineData("", "")]
    public void Text_that_a_spreadsheet_would_run_gets_a_leading_apostrophe(string text, string expected) =>
        Assert.Equal(expected, ReportCsv.Neutralise(text));

    [Fact]
    public void A_formula_with_a_comma_is_neutralised_then_quoted_and_numbers_stay_numbers()
    {
        Assert.Equal("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"", ReportCsv.Field("=HYPERLINK(\"http://x\",\"y\")"));
        Assert.Equal("-2.5", ReportCsv.Field(-2.5m));
        Assert.Equal("12", ReportCsv.Field(12));
        Assert.Equal("", ReportCsv.Field(null));
    }

    [Fact]
    public void Headers_go_through_the_same_rules()
    {
        var csv = Text(ReportCsv.Write(new ReportTable("t", ["a,b", "-x"], [])));
        Assert.Equal("\"a,b\",'-x\r\n", csv);
    }
}
