using System.Globalization;
using System.Text;
using Dispatch.App.Reports;
using Dispatch.Core.Api;
using Dispatch.Core.Registry;
using Microsoft.AspNetCore.Http;
using MiniExcelLibs;

namespace Dispatch.App.Registry;

/// <summary>The body of an import request as a sheet of cells, the header first: UTF-8 CSV (<c>text/csv</c>) or the
/// first sheet of an XLSX workbook, as organizers keep the list in either. Both go through the same rules
/// (<see cref="MemberImport"/>), so they report the same rows and errors.</summary>
public static class ImportFile
{
    /// <summary>About 20,000 rows of a few dozen characters (CSV); an XLSX of as many rows is smaller.</summary>
    public const int MaxBytes = 4 * 1024 * 1024;

    public const string CsvType = "text/csv";

    /// <exception cref="ApiProblemException">415 for another content type; 400 on "file" when too large, not UTF-8
    /// or not a workbook.</exception>
    public static async Task<IReadOnlyList<IReadOnlyList<string>>> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var mediaType = request.ContentType?.Split(';')[0].Trim() ?? "";
        var xlsx = string.Equals(mediaType, XlsxExport.ContentType, StringComparison.OrdinalIgnoreCase);
        if (!xlsx && !string.Equals(mediaType, CsvType, StringComparison.OrdinalIgnoreCase))
        {
            throw new ApiProblemException(RegistryProblems.UnsupportedFile());
        }

        var bytes = await ReadBytesAsync(request, ct);
        return xlsx ? Sheet(bytes) : Csv.Rows(Utf8(bytes).TrimStart('\uFEFF'));
    }

    private static async Task<byte[]> ReadBytesAsync(HttpRequest request, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                throw FileProblem($"文件不能超过 {MaxBytes / 1024 / 1024} MB。 The file must be at most {MaxBytes / 1024 / 1024} MB.");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static string Utf8(byte[] bytes)
    {
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw FileProblem("请将文件另存为 UTF-8 编码的 CSV。 Save the file as UTF-8 CSV.");
        }
    }

    /// <summary>The workbook's first sheet, row by row (blank rows kept, so row numbers are the sheet's), each row
    /// cut after its last filled cell and padded to the import's columns. Reading stops a row past the import's limit:
    /// a small workbook can unpack to a great many rows.</summary>
    private static List<IReadOnlyList<string>> Sheet(byte[] bytes)
    {
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            var rows = new List<IReadOnlyList<string>>();
            foreach (IDictionary<string, object?> row in stream.Query(useHeaderRow: false, excelType: ExcelType.XLSX).Take(MemberImport.MaxRows + 2))
            {
                var cells = row.Values.Select(Text).ToList();
                while (cells.Count > 0 && cells[^1].Length == 0)
                {
                    cells.RemoveAt(cells.Count - 1);
                }

                while (cells.Count > 0 && cells.Count < MemberImport.Columns.Length)
                {
                    cells.Add("");
                }

                rows.Add(cells);
            }

            return rows;
        }
        catch (Exception e) when (e is InvalidDataException or InvalidOperationException or System.Xml.XmlException or FormatException)
        {
            throw FileProblem("文件不是有效的 XLSX 工作簿。 The file is not a valid XLSX workbook.");
        }
    }

    /// <summary>A cell as the CSV would hold it: a phone typed as a number reads as its digits.</summary>
    private static string Text(object? value) => value switch
    {
        null => "",
        double d => d.ToString("0.##########", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    private static ApiProblemException FileProblem(string message) =>
        new(ApiProblem.Validation(new Dictionary<string, string[]> { ["file"] = [message] }));
}
