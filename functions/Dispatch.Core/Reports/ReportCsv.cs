using System.Globalization;
using System.Text;

namespace Dispatch.Core.Reports;

/// <summary>CSV for spreadsheets (RFC 4180): UTF-8 with a byte-order mark so Excel reads Chinese, CRLF line
/// ends, a field quoted when it holds a comma, a quote, CR or LF (quotes doubled). Text that a
/// spreadsheet would run as a formula — starting with =, +, -, @, a tab or CR — gets a leading
/// apostrophe (OWASP "CSV injection"). Numbers are written by us in invariant culture and left as they
/// are, so a negative correction stays a number.</summary>
public static class ReportCsv
{
    private static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);

    public static byte[] Write(ReportTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var text = new StringBuilder();
        Line(text, table.Headers.Cast<object?>());
        foreach (var row in table.Rows)
        {
            Line(text, row);
        }

        return [.. Utf8WithBom.GetPreamble(), .. Utf8WithBom.GetBytes(text.ToString())];
    }

    /// <summary>One cell as CSV text: numbers invariant, text neutralised then quoted if needed.</summary>
    public static string Field(object? value) => value switch
    {
        null => "",
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture),
        double f => f.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        _ => Quote(Neutralise(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "")),
    };

    /// <summary>Prefixes an apostrophe to text a spreadsheet would treat as a formula.</summary>
    public static string Neutralise(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    public static string Quote(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;

    private static void Line(StringBuilder text, IEnumerable<object?> cells)
    {
        text.AppendJoin(',', cells.Select(Field));
        text.Append("\r\n");
    }
}
