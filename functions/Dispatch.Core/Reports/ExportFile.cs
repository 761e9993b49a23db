using System.Globalization;
using System.Text;

namespace Dispatch.Core.Reports;

/// <summary>File names of the exports and their Content-Disposition (RFC 6266 with an RFC 5987
/// <c>filename*</c> for the Chinese name and a plain-ASCII <c>filename</c> for old clients), e.g.
/// 湖滨社区-2026-党员服务统计.xlsx / Hubin-Community-2026-member-service-hours.xlsx.</summary>
public static class ExportFile
{
    public static string Name(PlaceName community, int year, ReportLevel level, ReportLanguage language, string extension)
    {
        ArgumentNullException.ThrowIfNull(community);
        var kind = TallyExport.Word("sheet." + level.ToString().ToLowerInvariant(), language);
        var name = string.Create(CultureInfo.InvariantCulture, $"{community.In(language)}-{year}-{kind}");
        return Clean(name) + "." + extension;
    }

    /// <summary>An ASCII-only stand-in: the community id in place of its name.</summary>
    public static string AsciiName(string communityId, int year, ReportLevel level, string extension)
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"{communityId}-{year}-{level.ToString().ToLowerInvariant()}-service-hours");
        var ascii = new string([.. Clean(name).Where(c => c is >= ' ' and < (char)127 and not '"' and not '\\' and not ';' and not '%')]);
        return (ascii.Trim('-').Length == 0 ? "export" : ascii) + "." + extension;
    }

    /// <summary><c>attachment; filename="ascii"; filename*=UTF-8''percent-encoded</c>.</summary>
    public static string ContentDisposition(string fileName, string asciiFallback) =>
        $"attachment; filename=\"{asciiFallback}\"; filename*=UTF-8''{Rfc5987(fileName)}";

    /// <summary>Percent-encodes everything but RFC 5987 attr-chars (of which it keeps the unreserved ones).</summary>
    public static string Rfc5987(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var text = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '.' or '_' or '~')
            {
                text.Append(c);
            }
            else
            {
                text.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return text.ToString();
    }

    /// <summary>Spaces become '-', characters no file system takes are dropped.</summary>
    private static string Clean(string name)
    {
        var text = new StringBuilder();
        foreach (var c in name.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                text.Append('-');
            }
            else if (!char.IsControl(c) && c is not ('/' or '\\' or ':' or '*' or '?' or '"' or '<' or '>' or '|'))
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }
}
