using Dispatch.Core.Reports;
using MiniExcelLibs;

namespace Dispatch.Local.Reports;

/// <summary>Writes a <see cref="ReportTable"/> as an XLSX workbook with one sheet (MiniExcel): the header
/// row, then the rows; numbers as number cells, text as text cells (never formulas, so no
/// neutralising is needed here), empty cells for nulls.</summary>
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
                cells[table.Headers[i]] = i < row.Count ? row[i] : null;
            }

            return cells;
        }).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(rows, sheetName: SheetName(table.Title));
        return stream.ToArray();
    }

    /// <summary>Excel's sheet-name rules: at most 31 characters, none of : \ / ? * [ ].</summary>
    private static string SheetName(string title)
    {
        var name = new string([.. title.Where(c => c is not (':' or '\\' or '/' or '?' or '*' or '[' or ']'))]);
        return name.Length == 0 ? "Sheet1" : name[..Math.Min(31, name.Length)];
    }
}
