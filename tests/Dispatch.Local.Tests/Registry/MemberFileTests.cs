using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Dispatch.App.Reports;
using Dispatch.Core.Api;
using Dispatch.Core.Registry;
using Dispatch.Testing;
using MiniExcelLibs;
using static Dispatch.Local.Tests.Registry.RegistryTestData;

namespace Dispatch.Local.Tests.Registry;

/// <summary>The member list as XLSX as well as CSV, with the same rows, errors and idempotency; other file types are a
/// clear 415; and the registry's export, CSV or XLSX, imported again changes nothing.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class MemberFileTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task An_xlsx_file_previews_and_imports_like_the_same_csv_and_again_adds_nothing()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        var csvPreview = await MemberImportTests.PostAsync(host, RegistryRoutes.ImportPreview, MemberImportTests.File);

        var preview = await MemberImportTests.PostAsync(host, RegistryRoutes.ImportPreview, Xlsx(MemberImportTests.File));
        Assert.Equal((csvPreview.Rows, csvPreview.New, csvPreview.Existing, 0), (preview.Rows, preview.New, preview.Existing, preview.Added));
        Assert.Equal(csvPreview.Errors, preview.Errors);

        var imported = await MemberImportTests.PostAsync(host, RegistryRoutes.Import, Xlsx(MemberImportTests.File));
        Assert.Equal((3, 3, 1), (imported.Added, imported.New, imported.Existing));
        var again = await MemberImportTests.PostAsync(host, RegistryRoutes.Import, Xlsx(MemberImportTests.File));
        Assert.Equal((0, 0, 4), (again.Added, again.New, again.Existing));
        Assert.Equal(53, (await RosterAsync(host)).Length);
    }

    [Fact]
    public async Task An_import_in_steps_adds_each_slice_of_the_valid_rows_once()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        var first = await MemberImportTests.PostAsync(host, RegistryRoutes.Import + "?skip=0&take=2", MemberImportTests.File);
        Assert.Equal((2, 2, 0, 2), (first.Rows, first.New, first.Existing, first.Added));
        Assert.Equal(3, first.Errors.Count); // every step reports the file's bad rows
        var second = await MemberImportTests.PostAsync(host, RegistryRoutes.Import + "?skip=2&take=2", MemberImportTests.File);
        Assert.Equal((2, 1, 1, 1), (second.Rows, second.New, second.Existing, second.Added)); // 孙医生 new, m001's phone here already
        var past = await MemberImportTests.PostAsync(host, RegistryRoutes.Import + "?skip=4&take=2", MemberImportTests.File);
        Assert.Equal((0, 0), (past.Rows, past.Added));
        var whole = await MemberImportTests.PostAsync(host, RegistryRoutes.Import, MemberImportTests.File);
        Assert.Equal((4, 0, 4, 0), (whole.Rows, whole.New, whole.Existing, whole.Added));
        Assert.Equal(53, (await RosterAsync(host)).Length);

        using var bad = new HttpRequestMessage(HttpMethod.Post, RegistryRoutes.Import + "?take=0") { Content = new StringContent(MemberImportTests.File, Encoding.UTF8, "text/csv") };
        bad.Headers.Authorization = new AuthenticationHeaderValue("Bearer", host.OrganizerToken());
        await ProblemAsync(await host.Http.SendAsync(bad), HttpStatusCode.BadRequest, "validation");
    }

    [Fact]
    public async Task Another_content_type_is_415_and_stores_nothing()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        foreach (var type in new[] { "application/json", "application/pdf", "text/plain" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, RegistryRoutes.Import) { Content = new StringContent(MemberImportTests.File, Encoding.UTF8, type) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", host.OrganizerToken());
            var problem = await ProblemAsync(await host.Http.SendAsync(request), HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
            Assert.Contains("CSV", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(50, (await RosterAsync(host)).Length);
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("xlsx")]
    public async Task The_export_imported_again_changes_nothing(string format)
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        await MemberImportTests.PostAsync(host, RegistryRoutes.Import, MemberImportTests.File); // members with slots, by id and by name
        var before = await RosterAsync(host);

        using var export = await host.SendAsync(HttpMethod.Get, format == "csv" ? RegistryRoutes.ExportCsv : RegistryRoutes.ExportXlsx, host.OrganizerToken());
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal(format == "csv" ? "text/csv" : XlsxExport.ContentType, export.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"members-{LocalHostFixture.CommunityId}.{format}", export.Content.Headers.ContentDisposition?.ToString(), StringComparison.Ordinal);
        var bytes = await export.Content.ReadAsByteArrayAsync();
        using var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(format == "csv" ? "text/csv" : XlsxExport.ContentType);

        var again = await MemberImportTests.PostAsync(host, RegistryRoutes.Import, file);
        Assert.Empty(again.Errors);
        Assert.Equal((before.Length, 0, 0, before.Length), (again.Rows, again.New, again.Added, again.Existing));
        Assert.Equivalent(before, await RosterAsync(host), strict: true);
    }

    /// <summary>The CSV's cells as an XLSX workbook, the header first, as a spreadsheet would save the same list.</summary>
    internal static ByteArrayContent Xlsx(string csv)
    {
        var rows = Csv.Rows(csv.TrimStart('\uFEFF'));
        var sheet = rows.Skip(1).Select(r => rows[0].Select((header, i) => (header, cell: r[i])).ToDictionary(c => c.header, c => (object)c.cell)).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(sheet);
        var content = new ByteArrayContent(stream.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue(XlsxExport.ContentType);
        return content;
    }

    private static Task<OrganizerMemberView[]> RosterAsync(LocalHostFixture host) =>
        host.CallAsync<OrganizerMemberView[]>(HttpMethod.Get, Routes.OrganizerMembers, host.OrganizerToken());
}
