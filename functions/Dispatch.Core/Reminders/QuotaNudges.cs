using System.Globalization;
using Dispatch.Core.Matching;
using Dispatch.Core.Orders;
using Dispatch.Core.Time;

namespace Dispatch.Core.Reminders;

/// <summary>Once a quarter, members behind the annual quota (fewer than 2 wishes or 1 post this year) get a
/// nudge with open wishes from their own grid. The key "quota-{year}-Q{n}" makes it once per quarter however
/// often the sweep runs; a nudge dropped by the daily cap is simply planned again by the next day's sweep.</summary>
public static class QuotaNudges
{
    public const int MaxSuggestions = 3;

    public static int QuarterOf(DateTimeOffset now) => (ChinaTime.ToChina(now).Month - 1) / 3 + 1;

    public static string KeyFor(DateTimeOffset now) =>
        string.Create(CultureInfo.InvariantCulture, $"quota-{ChinaTime.YearOf(now)}-Q{QuarterOf(now)}");

    /// <summary>The first instant of the next quarter (China time): a nudge is pointless after its quarter.</summary>
    private static DateTimeOffset QuarterEnd(DateTimeOffset now)
    {
        var firstMonth = (QuarterOf(now) - 1) * 3 + 1;
        return ChinaTime.StartOf(new DateOnly(ChinaTime.YearOf(now), firstMonth, 1).AddMonths(3));
    }

    private static bool IsBehind(QuotaStanding s) => s.Wishes < Quota.WishesPerYear || s.Posts < Quota.PostsPerYear;

    /// <summary>A nudge for each member behind the quota. Wishes are suggested only to those behind on
    /// wishes, oldest first (they have waited longest), at most <see cref="MaxSuggestions"/>.
    /// Its text is the <see cref="QuotaProgress"/> (ids only).</summary>
    public static IReadOnlyList<Reminder> Plan(IEnumerable<QuotaStanding> members, IEnumerable<OpenWish> openWishes, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(openWishes);
        var byGrid = openWishes
            .OrderBy(w => w.PlacedAt).ThenBy(w => w.OrderId, StringComparer.Ordinal)
            .GroupBy(w => w.GridId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(w => w.OrderId).Take(MaxSuggestions).ToList(), StringComparer.Ordinal);
        var key = KeyFor(now);
        var expires = QuarterEnd(now);
        var nudges = new List<Reminder>();
        foreach (var m in members.Where(IsBehind).OrderBy(m => m.MemberId, StringComparer.Ordinal))
        {
            var suggested = m.Wishes < Quota.WishesPerYear && byGrid.TryGetValue(m.GridId, out var ids) ? ids : [];
            var progress = new QuotaProgress(m.Wishes, m.Posts, suggested);
            nudges.Add(new Reminder(Recipient.Member, m.MemberId, NoticeKind.QuotaNudge, key, key, now, ReminderUrgency.Routine, expires, progress.Text));
        }

        return nudges;
    }
}
