using System.Globalization;
using Dispatch.App.SignedLinks;
using Dispatch.Core;
using Dispatch.Core.Api;
using Dispatch.Core.Members;
using Dispatch.Core.Orders;
using Dispatch.Core.Time;
using Dispatch.Storage;

namespace Dispatch.App.Queries;

/// <summary>The history's query string, as both hosts read it (each value as sent; empty when absent).</summary>
public sealed record HistoryFilter(string Grid, string Category, string Status, string From, string To, string Q, string Page, string Size)
{
    public static HistoryFilter Read(Func<string, string> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return new(query("grid"), query("category"), query("status"), query("from"), query("to"), query("q"), query("page"), query("size"));
    }
}

/// <summary>The desk's history of closed orders (<see cref="DeskRoutes.History"/>) from the <c>closedorders</c>
/// projection: months newest first between <c>from</c> and <c>to</c> (China dates of placing; by default the last
/// 90 days, at most 366), filtered by grid, category, status and reference, then paged. A grid organizer's, their grid only.</summary>
public sealed class OrderHistory(ClosedOrderIndex closed, MemberStore members, TimeProvider clock)
{
    public const int DefaultSize = 20;
    public const int MaxSize = 50;
    public const int MaxDays = 366;

    public async Task<HistoryPage> PageAsync(OrganizerLink organizer, HistoryFilter filter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(organizer);
        ArgumentNullException.ThrowIfNull(filter);
        var errors = new Dictionary<string, string[]>();
        var today = ChinaTime.DateOf(clock.GetUtcNow());
        var to = Date(filter.To, "to", today, errors);
        var from = Date(filter.From, "from", to.AddDays(-90), errors);
        if (errors.Count == 0 && (from > to || to.DayNumber - from.DayNumber > MaxDays))
        {
            errors["from"] = [$"起止日期最多相隔 {MaxDays} 天，且开始不晚于结束。 From must not be after to, and at most {MaxDays} days before it."];
        }

        if (filter.Grid.Length > 0)
        {
            Ids.Check(filter.Grid, "grid", errors);
        }

        ServiceCategory? category = null;
        if (filter.Category.Length > 0)
        {
            category = EnumNames.TryParse<ServiceCategory>(filter.Category, out var c) ? c : Bad<ServiceCategory>(errors, "category", Enum.GetNames<ServiceCategory>());
        }

        OrderStatus? status = null;
        if (filter.Status.Length > 0)
        {
            status = EnumNames.TryParse<OrderStatus>(filter.Status, out var s) && s.IsTerminal() ? s : Bad<OrderStatus>(errors, "status", ["Confirmed", "Cancelled"]);
        }

        if (filter.Q.Length > 40)
        {
            errors["q"] = ["最多 40 个字符。 At most 40 characters."];
        }

        var page = Number(filter.Page, "page", 1, 1, 1000, errors);
        var size = Number(filter.Size, "size", DefaultSize, 1, MaxSize, errors);
        if (errors.Count > 0)
        {
            throw new ApiProblemException(ApiProblem.Validation(errors));
        }

        var community = organizer.CommunityId;
        var fromInstant = ChinaTime.StartOf(from);
        var toInstant = ChinaTime.StartOf(to.AddDays(1));
        var wanted = page * size + 1;
        var found = new List<ClosedOrder>();
        for (var month = new DateOnly(to.Year, to.Month, 1); month >= new DateOnly(from.Year, from.Month, 1) && found.Count < wanted; month = month.AddMonths(-1))
        {
            found.AddRange((await closed.MonthAsync(community, month.Year, month.Month, ct)).Where(o =>
                o.PlacedAt >= fromInstant && o.PlacedAt < toInstant
                && organizer.Sees(o.GridId)
                && (filter.Grid.Length == 0 || o.GridId == filter.Grid)
                && (category is null || o.Category == category)
                && (status is null || o.Status == status)
                && (filter.Q.Length == 0 || (o.Reference ?? o.OrderId).Contains(filter.Q.Trim(), StringComparison.OrdinalIgnoreCase))));
        }

        var shown = found.OrderByDescending(o => o.PlacedAt).ThenBy(o => o.OrderId, StringComparer.Ordinal).Skip((page - 1) * size).Take(size).ToList();
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        if (shown.Any(o => o.MemberId is not null))
        {
            foreach (var m in await members.ListAsync(community, ct))
            {
                names[m.MemberId] = m.Name;
            }
        }

        return new HistoryPage(
            [.. shown.Select(o => new HistoryItem(o.OrderId, o.Reference, o.Status, o.Kind.ToString(), o.Category.ToString(), o.GridId, o.BuildingId,
                o.MemberId, o.MemberId is { } m ? names.GetValueOrDefault(m) : null, o.PlacedAt, o.Hours, o.Rating))],
            page, size, found.Count > page * size);
    }

    private static T? Bad<T>(Dictionary<string, string[]> errors, string field, string[] allowed) where T : struct
    {
        errors[field] = [$"可选：{string.Join(", ", allowed)}。 One of {string.Join(", ", allowed)}."];
        return null;
    }

    private static DateOnly Date(string text, string field, DateOnly fallback, Dictionary<string, string[]> errors)
    {
        if (text.Length == 0)
        {
            return fallback;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date.Year is >= 2000 and <= 2100)
        {
            return date;
        }

        errors[field] = ["日期格式为 2026-11-30。 A date like 2026-11-30."];
        return fallback;
    }

    private static int Number(string text, string field, int fallback, int min, int max, Dictionary<string, string[]> errors)
    {
        if (text.Length == 0)
        {
            return fallback;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max)
        {
            return n;
        }

        errors[field] = [$"{min}–{max} 之间的整数。 A whole number from {min} to {max}."];
        return fallback;
    }
}
