using System.Collections.Immutable;
using System.Globalization;
using Dispatch.Core.Time;

namespace Dispatch.Core.Reminders;

/// <summary>The organizers' morning list of escalated orders of one community (ids only).</summary>
public sealed record EscalationDigest(string CommunityId, DateOnly Day, string Key, ImmutableArray<string> OrderIds, string Text)
{
    /// <summary>Notice text is bounded (500 characters); a longer list shows the first ids and how many more
    /// (<see cref="DigestList"/>).</summary>
    public const int MaxTextLength = 480;

    public static string KeyFor(DateOnly day) => string.Create(CultureInfo.InvariantCulture, $"digest-{day:yyyy-MM-dd}");

    /// <summary>The digest for the China day of <paramref name="now"/>, or null in quiet hours (it goes out at
    /// 08:00, when they end) or when nothing is escalated (an empty digest is spam). The key "digest-{date}"
    /// makes it once a day.</summary>
    public static EscalationDigest? Plan(string communityId, IEnumerable<string> escalatedOrderIds, DateTimeOffset now, ReminderPolicy? policy = null)
    {
        ArgumentNullException.ThrowIfNull(escalatedOrderIds);
        if ((policy ?? ReminderPolicy.Default).IsQuiet(now))
        {
            return null;
        }

        var ids = escalatedOrderIds.Distinct(StringComparer.Ordinal).ToImmutableArray();
        if (ids.IsEmpty)
        {
            return null;
        }

        var shown = new List<string>();
        var length = 0;
        foreach (var id in ids)
        {
            length += (shown.Count == 0 ? 0 : 1) + id.Length;
            if (length > MaxTextLength - 8)
            {
                break;
            }

            shown.Add(id);
        }

        var day = ChinaTime.DateOf(now);
        return new EscalationDigest(communityId, day, KeyFor(day), ids, new DigestList(shown, ids.Length - shown.Count).Text);
    }
}
