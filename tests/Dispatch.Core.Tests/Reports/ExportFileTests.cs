using Dispatch.Core.Reports;

namespace Dispatch.Core.Tests.Reports;

public class ExportFileTests
{
    private static readonly PlaceName Hubin = new("湖滨社区", "Hubin Community");

    [Fact]
    public void File_names_say_community_year_and_level_in_the_language()
    {
        Assert.Equal("湖滨社区-2026-党员服务统计.xlsx", ExportFile.Name(Hubin, 2026, ReportLevel.Member, ReportLanguage.Zh, "xlsx"));
        Assert.Equal("湖滨社区-2026-网格服务统计.csv", ExportFile.Name(Hubin, 2026, ReportLevel.Grid, ReportLanguage.Zh, "csv"));
        Assert.Equal("Hubin-Community-2026-Community-service-hours.csv", ExportFile.Name(Hubin, 2026, ReportLevel.Community, ReportLanguage.En, "csv"));
        Assert.Equal("ab-2026-社区服务统计.csv", ExportFile.Name(new PlaceName("a/b:\"", ""), 2026, ReportLevel.Community, ReportLanguage.Zh, "csv"));
        Assert.Equal("hubin-2026-member-service-hours.xlsx", ExportFile.AsciiName("hubin", 2026, ReportLevel.Member, "xlsx"));
    }

    [Fact]
    public void Content_disposition_carries_an_ascii_name_and_the_utf8_name_percent_encoded()
    {
        var header = ExportFile.ContentDisposition("湖滨社区-2026-党员服务统计.xlsx", "hubin-2026-member-service-hours.xlsx");
        Assert.Equal(
            "attachment; filename=\"hubin-2026-member-service-hours.xlsx\"; filename*=UTF-8''%E6%B9%96%E6%BB%A8%E7%A4%BE%E5%8C%BA-2026-%E5%85%9A%E5%91%98%E6%9C%8D%E5%8A%A1%E7%BB%9F%E8%AE%A1.xlsx",
            header);
        Assert.Equal("a%20b%22%3B%25", ExportFile.Rfc5987("a b\";%"));
        Assert.True(System.Net.Http.Headers.ContentDispositionHeaderValue.TryParse(header, out var parsed));
        Assert.Equal("湖滨社区-2026-党员服务统计.xlsx", parsed!.FileNameStar);
    }
}
