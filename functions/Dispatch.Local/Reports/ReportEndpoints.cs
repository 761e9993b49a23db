using Dispatch.Core.Api;
using Dispatch.Core.Reports;
using Dispatch.Core.Time;
using Dispatch.Storage;

namespace Dispatch.Local.Reports;

/// <summary>Exports of the annual tallies (CSV, XLSX), the monthly trend, and service-hours proofs.</summary>
public static class ReportEndpoints
{
    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.AddSingleton(sp => new ProofStore(sp.GetRequiredService<StorageAccount>()));
        services.AddSingleton<ReportData>();
        return services;
    }

    public static IEndpointRouteBuilder MapReports(this IEndpointRouteBuilder app)
    {
        app.MapGet(ReportRoutes.TalliesCsv, CsvAsync);
        app.MapGet(ReportRoutes.TalliesXlsx, XlsxAsync);
        app.MapGet(ReportRoutes.Months, MonthsAsync);
        app.MapProofs();
        return app;
    }

    private static Task<IResult> CsvAsync(
        int? year, string? level, string? lang, HttpContext http, Access access, ReportData data, TimeProvider clock, CancellationToken ct) =>
        ExportAsync(year, level, lang, http, access, data, clock, "csv", "text/csv; charset=utf-8", ReportCsv.Write, ct);

    private static Task<IResult> XlsxAsync(
        int? year, string? level, string? lang, HttpContext http, Access access, ReportData data, TimeProvider clock, CancellationToken ct) =>
        ExportAsync(year, level, lang, http, access, data, clock, "xlsx", XlsxExport.ContentType, XlsxExport.Write, ct);

    private static async Task<IResult> ExportAsync(
        int? year, string? level, string? lang, HttpContext http, Access access, ReportData data, TimeProvider clock,
        string extension, string contentType, Func<ReportTable, byte[]> write, CancellationToken ct)
    {
        var community = access.AnyOrganizer(http).Scope;
        var errors = new Dictionary<string, string[]>();
        var y = YearOrError(year, clock, errors);
        var reportLevel = ReportOptions.ParseLevel(level);
        var language = ReportOptions.ParseLanguage(lang);
        if (reportLevel is null)
        {
            errors["level"] = ["One of member, grid, community."];
        }

        if (language is null)
        {
            errors["lang"] = ["One of zh, en."];
        }

        if (errors.Count > 0)
        {
            throw new ApiProblemException(ApiProblem.Validation(errors));
        }

        var (report, names) = await data.TalliesAsync(community, y, ct);
        var table = TallyExport.Build(report, reportLevel!.Value, language!.Value, names);
        var fileName = ExportFile.Name(names.Community, y, reportLevel.Value, language.Value, extension);
        http.Response.Headers.ContentDisposition = ExportFile.ContentDisposition(fileName, ExportFile.AsciiName(community, y, reportLevel.Value, extension));
        http.Response.Headers.CacheControl = "no-store";
        return Results.Bytes(write(table), contentType);
    }

    private static async Task<IResult> MonthsAsync(int? year, HttpContext http, Access access, ServiceRecordStore records, TimeProvider clock, CancellationToken ct)
    {
        var community = access.AnyOrganizer(http).Scope;
        var y = Year(year, clock);
        var entries = await records.EntriesAsync(community, y, ct);
        return Results.Ok(MonthlyTrend.Of(entries.Records, y));
    }

    /// <summary>As GET /api/tallies: this China year when empty; 2000 to next year otherwise.</summary>
    internal static int Year(int? year, TimeProvider clock)
    {
        var errors = new Dictionary<string, string[]>();
        var y = YearOrError(year, clock, errors);
        return errors.Count == 0 ? y : throw new ApiProblemException(ApiProblem.Validation(errors));
    }

    private static int YearOrError(int? year, TimeProvider clock, Dictionary<string, string[]> errors)
    {
        var current = ChinaTime.YearOf(clock.GetUtcNow());
        if (year is null)
        {
            return current;
        }

        if (year < 2000 || year > current + 1)
        {
            errors["year"] = [$"A year from 2000 to {current + 1}."];
        }

        return year.Value;
    }
}
