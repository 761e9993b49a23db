using Dispatch.Core.Reports;
using MiniExcelLibs;

namespace Dispatch.App.Reports;

/// <summary>Writes a <see cref="ReportTable"/> as an XLSX workbook with one sheet (MiniExcel): the header
/// row, then the rows; numbers as number cells, text as text cells, empty cells for nulls. Text that a
/// spreadsheet (or a later CSV save of the workbook) would read as a formula is neutralised by the same
/// rule as the CSV export (<see cref="ReportCsv.Neutralise"/>).</summary>
public static class XlsxExport
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Write(ReportTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var rows = table.Rows.Select(row =>
        {
            var cells = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < table.Headers.Count; i++)
            {
                cells[table.Headers[i]] = i < row.Count ? Cell(row[i]) : null;
            }

            return cells;
        }).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(rows, sheetName: SheetName(table.Title));
        return stream.ToArray();
    }

    private static object? Cell(object? value) => value is string text ? ReportCsv.Neutralise(text) : value;

    /// <summary>Excel's sheet-name rules: at most 31 characters, none of : \ / ? * [ ].</summary>
    private static string SheetName(string title)
    {
        var name = new string([.. title.Where(c => c is not (':' or '\\' or '/' or '?' or '*' or '[' or ']'))]);
        return name.Length == 0 ? "Sheet1" : name[..Math.Min(31, name.Length)];
    }
}
