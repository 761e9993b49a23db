using Dispatch.App.SignedLinks;
using Dispatch.App.Reports;
using Dispatch.Core.Reports;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Dispatch.Functions.Http;

/// <summary>The CSV and XLSX exports and the monthly trend: the shared <see cref="ReportUseCases"/>, as in the
/// local host. Routes are <see cref="ReportRoutes"/> without "/api/"; anonymous, guarded by the organizer's link.</summary>
public sealed class ReportFunctions(ReportUseCases reports, Access access, ILogger<ReportFunctions> logger)
{
    [Function("TalliesCsv")]
    public Task<IActionResult> CsvAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "exports/tallies.csv")] HttpRequest req,
        CancellationToken ct) => HttpApi.RunAsync(req, logger, () =>
        {
        var y = HttpApi.QueryInt(req, "year");
        return reports.CsvAsync(req.HttpContext, ReportReaderLink.From(req, access), y, HttpApi.Query(req, "level"), HttpApi.Query(req, "lang"), ct);
    });

    [Function("TalliesXlsx")]
    public Task<IActionResult> XlsxAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "exports/tallies.xlsx")] HttpRequest req,
        CancellationToken ct) => HttpApi.RunAsync(req, logger, () =>
        {
        var y = HttpApi.QueryInt(req, "year");
        return reports.XlsxAsync(req.HttpContext, ReportReaderLink.From(req, access), y, HttpApi.Query(req, "level"), HttpApi.Query(req, "lang"), ct);
    });

    [Function("MonthlyTrend")]
    public Task<IActionResult> MonthsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "tallies/months")] HttpRequest req,
        CancellationToken ct) => HttpApi.RunAsync(req, logger, () =>
    {
        var y = HttpApi.QueryInt(req, "year");
        return reports.MonthsAsync(ReportReaderLink.From(req, access), y, ct);
    });
}
