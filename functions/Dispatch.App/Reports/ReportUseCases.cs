using Dispatch.App.SignedLinks;
using Dispatch.App.Tallies;
using Dispatch.Core.Api;
using Dispatch.Core.Reports;
using Dispatch.Storage;
using Microsoft.AspNetCore.Http;

namespace Dispatch.App.Reports;

/// <summary>Exports of the annual tallies (CSV, XLSX) and the monthly trend, as both hosts serve them, for a
/// <see cref="ReportReaderLink"/> (an organizer, limited to a grid organizer's grid, or an administrator).</summary>
public sealed class ReportUseCases(ReportData data, ServiceRecordStore records, TimeProvider clock)
{
    public Task<IResult> CsvAsync(HttpContext http, ReportReaderLink reader, int? year, string? level, string? lang, CancellationToken ct) =>
        ExportAsync(http, reader, year, level, lang, "csv", "text/csv; charset=utf-8", ReportCsv.Write, ct);

    public Task<IResult> XlsxAsync(HttpContext http, ReportReaderLink reader, int? year, string? level, string? lang, CancellationToken ct) =>
        ExportAsync(http, reader, year, level, lang, "xlsx", XlsxExport.ContentType, XlsxExport.Write, ct);

    public async Task<IResult> MonthsAsync(ReportReaderLink reader, int? year, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var y = TallyYear.Of(year, clock);
        var entries = await records.EntriesAsync(reader.CommunityId, y, ct);
        if (reader.GridId is null)
        {
            return Results.Ok(MonthlyTrend.Of(entries.Records, y));
        }

        // A grid organizer's trend: the records of the members living in their grid, as in their tallies.
        var ids = (await data.RosterAsync(reader, ct)).Select(m => m.MemberId).ToHashSet(StringComparer.Ordinal);
        return Results.Ok(MonthlyTrend.Of(entries.Records.Where(r => ids.Contains(r.MemberId)), y));
    }

    private async Task<IResult> ExportAsync(
        HttpContext http, ReportReaderLink reader, int? year, string? level, string? lang, string extension, string contentType, Func<ReportTable, byte[]> write, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(reader);
        var community = reader.CommunityId;
        var errors = new Dictionary<string, string[]>();
        var y = TallyYear.Of(year, clock, errors);
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

        var (report, names) = await data.TalliesAsync(reader, y, ct);
        var table = TallyExport.Build(report, reportLevel!.Value, language!.Value, names);
        var fileName = ExportFile.Name(names.Community, y, reportLevel.Value, language.Value, extension);
        http.Response.Headers.ContentDisposition = ExportFile.ContentDisposition(fileName, ExportFile.AsciiName(community, y, reportLevel.Value, extension));
        http.Response.Headers.CacheControl = "no-store";
        return Results.Bytes(write(table), contentType);
    }
}
