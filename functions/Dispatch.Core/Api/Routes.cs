namespace Dispatch.Core.Api;

/// <summary>The HTTP contract both hosts serve: one list of routes, one set of shapes and errors.</summary>
public static class Routes
{
    public const string Communities = "/api/communities";
    public const string Orders = "/api/orders";
    public const string Order = "/api/orders/{orderId}";
    public const string Cancel = "/api/orders/{orderId}/cancel";
    public const string Confirm = "/api/orders/{orderId}/confirm";
    public const string Dispute = "/api/orders/{orderId}/dispute";
    public const string Accept = "/api/orders/{orderId}/accept";
    public const string Decline = "/api/orders/{orderId}/decline";
    public const string Claim = "/api/orders/{orderId}/claim";
    public const string Hours = "/api/orders/{orderId}/hours";
    public const string Dispatch = "/api/orders/{orderId}/dispatch";
    public const string Photo = "/api/orders/{orderId}/photo";
    public const string Inbox = "/api/members/me/inbox";
    public const string MyRecords = "/api/members/me/records";
    public const string Board = "/api/board";
    public const string OrganizerOrders = "/api/organizer/orders";
    public const string OrganizerMembers = "/api/organizer/members";
    public const string OrganizerNotices = "/api/organizer/notices";
    public const string DeadLetters = "/api/organizer/dead-letters";
    public const string ResubmitDeadLetter = "/api/organizer/dead-letters/{id}/resubmit";

    /// <summary>Pages: the resident's tracking page, the member's inbox, the organizer's list.</summary>
    public static string TrackingPage(string orderId, string token) => $"/track.html?o={Uri.EscapeDataString(orderId)}&t={Uri.EscapeDataString(token)}";

    public static string MemberPage(string token) => $"/member.html?t={Uri.EscapeDataString(token)}";

    public static string OfferPage(string orderId, string token) => $"/member.html?o={Uri.EscapeDataString(orderId)}&t={Uri.EscapeDataString(token)}";

    public static string OrganizerPage(string token) => $"/organizer.html?t={Uri.EscapeDataString(token)}";
}
