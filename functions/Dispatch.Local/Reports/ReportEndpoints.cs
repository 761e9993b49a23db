using Dispatch.App.Reports;
using Dispatch.Core.Reports;

namespace Dispatch.Local.Reports;

/// <summary>Exports of the annual tallies (CSV, XLSX) and the monthly trend on the local host: binding only; the
/// rules are the shared <see cref="ReportUseCases"/>. Proofs: <see cref="ProofEndpoints"/>.</summary>
public static class ReportEndpoints
{
    public static IEndpointRouteBuilder MapReports(this IEndpointRouteBuilder app)
    {
        app.MapGet(ReportRoutes.TalliesCsv, (int? year, string? level, string? lang, OrganizerLink organizer, HttpContext http, ReportUseCases reports, CancellationToken ct) =>
            reports.CsvAsync(http, organizer, year, level, lang, ct));
        app.MapGet(ReportRoutes.TalliesXlsx, (int? year, string? level, string? lang, OrganizerLink organizer, HttpContext http, ReportUseCases reports, CancellationToken ct) =>
            reports.XlsxAsync(http, organizer, year, level, lang, ct));
        app.MapGet(ReportRoutes.Months, (int? year, OrganizerLink organizer, ReportUseCases reports, CancellationToken ct) => reports.MonthsAsync(organizer, year, ct));
        app.MapProofs();
        return app;
    }
}
