using System.Collections.Immutable;
using Dispatch.Core.Members;
using Dispatch.Core.Reports;

namespace Dispatch.Core.Registry;

/// <summary>The community's registry as a sheet in the columns and words <see cref="MemberImport"/> reads (姓名, 手机号,
/// 网格, 楼栋, 服务类别, 可服务时间, and 状态 在岗/停用): places and services by their Chinese names, times as "任何时间" or "周一18-21". So an
/// exported file imported again finds every phone on the roster and changes nothing, and an organizer can keep the
/// list in a spreadsheet and import it back.</summary>
public static class MemberExport
{
    private static readonly ImmutableDictionary<ServiceCategory, string> CategoryNames =
        MemberImport.CategoryNames.ToImmutableDictionary(p => p.Value, p => p.Key);

    // 周日 and 周天 both read as Sunday; the export writes 周日.
    private static readonly ImmutableDictionary<DayOfWeek, string> DayNames =
        MemberImport.Days.Where(p => p.Key != "周天").ToImmutableDictionary(p => p.Value, p => p.Key);

    /// <summary>One row per member, by grid, building and name; the header is <see cref="MemberImport.Columns"/> and
    /// <see cref="MemberImport.StatusColumn"/>.</summary>
    public static ReportTable Table(string title, IEnumerable<Member> members, ImportDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(directory);
        var rows = members
            .OrderBy(m => m.Home.GridId, StringComparer.Ordinal).ThenBy(m => m.Home.BuildingId, StringComparer.Ordinal).ThenBy(m => m.Name, StringComparer.Ordinal)
            .Select(m => (IReadOnlyList<object?>)
            [
                m.Name,
                m.Phone,
                directory.GridText(m.Home.GridId),
                directory.BuildingText(m.Home.GridId, m.Home.BuildingId),
                string.Join("、", m.Skills.Order().Select(s => CategoryNames.TryGetValue(s, out var name) ? name : s.ToString())),
                Times(m.Availability),
                m.Active ? MemberImport.Active : MemberImport.Deactivated,
            ])
            .ToList();
        return new ReportTable(title, [.. MemberImport.Columns, MemberImport.StatusColumn], rows);
    }

    /// <summary>Monday first, as a Chinese week is written.</summary>
    private static string Times(Availability availability) =>
        availability.Slots.IsDefaultOrEmpty
            ? "任何时间"
            : string.Join("、", availability.Slots.OrderBy(s => ((int)s.Day + 6) % 7).ThenBy(s => s.FromHour).Select(s => $"{DayNames[s.Day]}{s.FromHour}-{s.ToHour}"));
}
