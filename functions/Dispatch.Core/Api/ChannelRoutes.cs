namespace Dispatch.Core.Api;

/// <summary>Routes of the notification channels: each person's choice (push on this phone, an email address, SMS),
/// the public VAPID key pages subscribe with, and the delivery log's dead letters organizers see.</summary>
public static class ChannelRoutes
{
    /// <summary>GET / PUT <c>{email, sms}</c>: the member's channels.</summary>
    public const string MemberChannels = "/api/members/me/channels";

    /// <summary>POST a browser's <c>PushSubscription.toJSON()</c>: push to this phone of the member; DELETE
    /// <c>{endpoint}</c>: no more push to that phone (204, also when it was already gone).</summary>
    public const string MemberPush = "/api/members/me/push-subscriptions";

    /// <summary>GET / PUT <c>{email, sms}</c>: the organizer's channels.</summary>
    public const string OrganizerChannels = "/api/organizer/me/channels";

    /// <summary>POST a browser's <c>PushSubscription.toJSON()</c>: push to this phone of the organizer; DELETE
    /// <c>{endpoint}</c>: no more push to that phone.</summary>
    public const string OrganizerPush = "/api/organizer/me/push-subscriptions";

    /// <summary>GET: the public VAPID key (<c>applicationServerKey</c>) pages subscribe with. Public.</summary>
    public const string PushKey = "/api/push/key";

    /// <summary>GET <c>?outcome=Failed</c>: the community's delivery log, newest first.</summary>
    public const string Deliveries = "/api/organizer/deliveries";
}
