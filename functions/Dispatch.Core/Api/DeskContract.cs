using Dispatch.Core.Matching;

namespace Dispatch.Core.Api;

/// <summary>The organizer desk's routes beyond the open-order list.</summary>
public static class DeskRoutes
{
    /// <summary>Members to dispatch an order to by hand: <c>?q=</c> (name or service), <c>&amp;grid=</c>, <c>&amp;available=true</c>.</summary>
    public const string Candidates = "/api/organizer/orders/{orderId}/candidates";

    /// <summary>Closed orders: <c>?grid=&amp;category=&amp;status=&amp;from=&amp;to=&amp;q=&amp;page=&amp;size=</c> (China dates of placing).</summary>
    public const string History = "/api/organizer/orders/history";

    /// <summary>POST <c>{reason}</c>: the resident's contact on an escalated order; the view is logged.</summary>
    public const string Contact = "/api/organizer/orders/{orderId}/contact";

    /// <summary>GET: who viewed the resident's contact, when and why, newest first.</summary>
    public const string ContactLog = "/api/organizer/orders/{orderId}/contact-log";

    public static string CandidatesOf(string orderId) => Of(Candidates, orderId);

    public static string Of(string route, string orderId) => route.Replace("{orderId}", Uri.EscapeDataString(orderId), StringComparison.Ordinal);
}

/// <summary>A member the desk may dispatch an order to, with the matching's reason in Chinese and English.
/// <see cref="Reason"/> is the policy's own when the member is eligible (rank among the eligible), else null.</summary>
public sealed record CandidateView(
    string MemberId,
    string Name,
    string GridId,
    string BuildingId,
    IReadOnlyList<string> Skills,
    int OpenAssignments,
    decimal HoursThisYear,
    bool HasSkill,
    bool AvailableAtWantedTime,
    bool Declined,
    Closeness Closeness,
    MatchReason? Reason,
    string ReasonZh,
    string ReasonEn);

/// <summary>The resident's contact on an escalated order, as an organizer asked for it (each view is logged).</summary>
public sealed record ContactView(string Name, string Phone, string Address, string? Reference);

/// <summary>One view of a resident's contact: who, when, why (the order is the log's).</summary>
public sealed record ContactAccessView(string OrganizerId, string OrganizerName, DateTimeOffset At, string Reason);

/// <summary>The desk's own problems.</summary>
public static class DeskProblems
{
    /// <summary>Organizers see a resident's contact only while the order is escalated to them (nobody took it).</summary>
    public static ApiProblem NotEscalated() => new(409, "https://dispatch.example/problems/not-escalated",
        "The order is not escalated.", "只有转人工处理的订单可以查看居民联系方式。 A resident's contact is shown only on an escalated order.");

    /// <summary>The order's personal data was erased after its retention period.</summary>
    public static ApiProblem Erased() => new(409, "https://dispatch.example/problems/erased",
        "The personal data was erased.", "居民信息已按保存期限删除。 The resident's details were erased after the retention period.");
}

/// <summary>One closed order in the desk's history, with the assigned member's name.</summary>
public sealed record HistoryItem(
    string OrderId, string? Reference, Orders.OrderStatus Status, string Kind, string Category, string GridId, string BuildingId,
    string? MemberId, string? MemberName, DateTimeOffset PlacedAt, decimal? Hours, int? Rating);

/// <summary>A page of the history, newest first; <see cref="More"/> when the next page has orders.</summary>
public sealed record HistoryPage(IReadOnlyList<HistoryItem> Items, int Page, int Size, bool More);
