namespace Dispatch.Core.Reports;

/// <summary>A sheet: a title (the sheet name), the header row and the rows. A cell is a string, an int, a
/// decimal, or null (empty). Numbers stay numbers, so a spreadsheet can add them up.</summary>
public sealed record ReportTable(string Title, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<object?>> Rows)
{
    /// <summary>The column with this header, or -1.</summary>
    public int Column(string header)
    {
        for (var i = 0; i < Headers.Count; i++)
        {
            if (Headers[i] == header)
            {
                return i;
            }
        }

        return -1;
    }
}
