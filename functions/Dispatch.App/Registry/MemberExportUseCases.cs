using Dispatch.App.Reports;
using Dispatch.App.SignedLinks;
using Dispatch.Core.Registry;
using Dispatch.Core.Reports;
using Dispatch.Storage;
using Microsoft.AspNetCore.Http;

namespace Dispatch.App.Registry;

/// <summary>The community's registry as a file to keep or edit in a spreadsheet: CSV (UTF-8 with BOM) or XLSX, in the
/// columns and words the import reads (<see cref="MemberExport"/>), so exporting and importing the file again changes
/// nothing. Every member is listed, deactivated ones too: the file is the whole roster.</summary>
public sealed class MemberExportUseCases(MemberStore members, OrgDirectory org)
{
    public Task<IResult> CsvAsync(CommunityOrganizerLink organizer, HttpResponse response, CancellationToken ct) =>
        ExportAsync(organizer, response, "csv", "text/csv; charset=utf-8", ReportCsv.Write, ct);

    public Task<IResult> XlsxAsync(CommunityOrganizerLink organizer, HttpResponse response, CancellationToken ct) =>
        ExportAsync(organizer, response, "xlsx", XlsxExport.ContentType, XlsxExport.Write, ct);

    private async Task<IResult> ExportAsync(
        CommunityOrganizerLink organizer, HttpResponse response, string extension, string contentType, Func<ReportTable, byte[]> write, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(organizer);
        ArgumentNullException.ThrowIfNull(response);
        var community = organizer.CommunityId;
        var tree = await org.GetCommunityAsync(community, ct);
        var table = MemberExport.Table("党员名单", await members.ListAsync(community, ct), RegistryViews.Directory(community, tree));
        response.Headers.ContentDisposition = ExportFile.ContentDisposition($"党员名单-{tree?.Community.NameZh ?? community}.{extension}", $"members-{community}.{extension}");
        response.Headers.CacheControl = "no-store";
        return Results.Bytes(write(table), contentType);
    }
}
