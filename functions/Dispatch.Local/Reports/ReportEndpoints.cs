using Dispatch.App.Reports;
using Dispatch.Core.Reports;

namespace Dispatch.Local.Reports;

/// <summary>Exports of the annual tallies (CSV, XLSX) and the monthly trend on the local host: binding only; the
/// rules are the shared <see cref="ReportUseCases"/>. Proofs: <see cref="ProofEndpoints"/>.</summary>
public static class ReportEndpoints
{
    public static IEndpointRouteBuilder MapReports(this IEndpointRouteBuilder app)
    {
        app.MapGet(ReportRoutes.TalliesCsv, (int? year, string? level, string? lang, ReportReaderLink reader, HttpContext http, ReportUseCases reports, CancellationToken ct) =>
            reports.CsvAsync(http, reader, year, level, lang, ct));
        app.MapGet(ReportRoutes.TalliesXlsx, (int? year, string? level, string? lang, ReportReaderLink reader, HttpContext http, ReportUseCases reports, CancellationToken ct) =>
            reports.XlsxAsync(http, reader, year, level, lang, ct));
        app.MapGet(ReportRoutes.Months, (int? year, ReportReaderLink reader, ReportUseCases reports, CancellationToken ct) => reports.MonthsAsync(reader, year, ct));
        app.MapProofs();
        return app;
    }
}
