using System.Globalization;

namespace Dispatch.Core.Reminders;

/// <summary>The escalated orders a morning digest lists: the ids that fit its notice, and how many more there
/// are. Views carry it as is; the notices table keeps it as <see cref="Text"/> ("o1,o2" and ",+N" when some
/// did not fit), read back by <see cref="Parse"/> alone.</summary>
public sealed record DigestList(IReadOnlyList<string> OrderIds, int More)
{
    public string Text => string.Join(',', OrderIds)
        + (More > 0 ? string.Create(CultureInfo.InvariantCulture, $",+{More}") : "");

    /// <summary>The list a stored digest's <see cref="Text"/> holds, or null when it holds none.</summary>
    public static DigestList? Parse(string? text)
    {
        var parts = (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0)
        {
            return null;
        }

        var more = parts[^1].StartsWith('+') && int.TryParse(parts[^1].AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
        return new DigestList(more > 0 ? parts[..^1] : parts, more);
    }
}
