using Dispatch.Core.Matching;
using Dispatch.Core.Orders;
using Dispatch.Core.Reminders;

namespace Dispatch.Core.Api;

public sealed record PlaceOrderResponse(string OrderId, Dispatch.Core.Orders.OrderStatus Status, string TrackingUrl, string Token);

public sealed record AssignedMember(string MemberId, string Name, string Phone);

public sealed record ResidentContact(string Name, string Phone, string Address);

public sealed record TimelineEntry(DateTimeOffset At, string What, string? MemberName);

/// <summary>What the resident sees: status, the assigned member's name and phone, never other members.
/// <see cref="HasPhoto"/>: the order has a photo (GET /api/orders/{orderId}/photo).</summary>
public sealed record ResidentOrderView(
    string OrderId,
    string Kind,
    string Category,
    OrderStatus Status,
    string CommunityId,
    string GridId,
    string BuildingId,
    bool Urgent,
    DateTimeOffset PlacedAt,
    DateTimeOffset? WantedAt,
    string Description,
    AssignedMember? Member,
    decimal? Hours,
    int? Rating,
    bool CanCancel,
    bool CanConfirm,
    IReadOnlyList<TimelineEntry> Timeline,
    bool HasPhoto = false);

/// <summary>What a member sees of an order. <see cref="Resident"/> is filled only for the member who took it;
/// <see cref="Reason"/> (why they were picked) only while it is offered to them, for the page to put in words.
/// <see cref="HasPhoto"/> only once they accepted it (<see cref="OrderViews.MemberMaySeePhoto"/>).</summary>
public sealed record MemberOrderView(
    string OrderId,
    string Kind,
    string Category,
    OrderStatus Status,
    string CommunityId,
    string GridId,
    string BuildingId,
    bool Urgent,
    DateTimeOffset PlacedAt,
    DateTimeOffset? WantedAt,
    string Description,
    string YourRole,
    DateTimeOffset? OfferDeadline,
    MatchReason? Reason,
    ResidentContact? Resident,
    decimal? Hours,
    bool HasPhoto = false);

/// <summary>A notice; <see cref="Text"/> carries details without personal data, and instead of it a quota nudge
/// its <see cref="Quota"/> progress and the morning digest its <see cref="Digest"/> list of escalated orders.</summary>
public sealed record NoticeView(
    DateTimeOffset At, string OrderId, NoticeKind Notice, string? Text = null, QuotaProgress? Quota = null, DigestList? Digest = null)
{
    public static NoticeView Of(DateTimeOffset at, string orderId, NoticeKind kind, string? text) => kind switch
    {
        NoticeKind.QuotaNudge when QuotaProgress.Parse(text) is { } quota => new(at, orderId, kind, Quota: quota),
        NoticeKind.EscalationDigest when DigestList.Parse(text) is { } digest => new(at, orderId, kind, Digest: digest),
        _ => new(at, orderId, kind, text),
    };
}

public sealed record MemberSummary(string MemberId, string Name, string CommunityId, string GridId, string BuildingId);

public sealed record InboxView(
    MemberSummary Member,
    IReadOnlyList<MemberOrderView> Offers,
    IReadOnlyList<MemberOrderView> Assignments,
    IReadOnlyList<MemberOrderView> Past,
    IReadOnlyList<NoticeView> Notices);

public sealed record BoardItem(string OrderId, string Category, string GridId, string BuildingId, DateTimeOffset PlacedAt, string Description);

public sealed record RecordView(
    string RecordId, string OrderId, string Category, bool IsWish, decimal Hours, DateOnly ServedOn, string ConfirmedBy, int? Rating, string? Reason);

public sealed record MyRecordsView(int Year, decimal Hours, int Services, int Wishes, IReadOnlyList<RecordView> Records);

/// <summary>One open order on the organizer's list. Organizers see the resident's contact to follow up.</summary>
public sealed record OrganizerOrderView(
    string OrderId,
    string Kind,
    string Category,
    OrderStatus Status,
    string GridId,
    string BuildingId,
    bool Urgent,
    DateTimeOffset PlacedAt,
    string? MemberId,
    string? OfferedTo,
    DateTimeOffset? OfferDeadline,
    string? Escalation,
    bool AwaitingOrganizerConfirmation);

/// <summary>A member in the organizer's list; phone and availability are there so the organizer can edit them.</summary>
public sealed record OrganizerMemberView(
    string MemberId, string Name, string GridId, string BuildingId, IReadOnlyList<string> Skills, bool Active, decimal HoursThisYear, int OpenAssignments,
    string? Phone = null, IReadOnlyList<SlotView>? Availability = null, IReadOnlyList<string>? Households = null);

public sealed record CommunityView(string CommunityId, string NameZh, string NameEn, IReadOnlyList<GridView> Grids);

public sealed record GridView(string GridId, string NameZh, string NameEn, IReadOnlyList<BuildingView> Buildings);

public sealed record BuildingView(string BuildingId, string NameZh, string NameEn);

/// <summary>An offer message that could not be delivered and was set aside (poison / dead-letter queue).
/// <see cref="Id"/> names it for a resubmission: the poison queue's message id, or the dead-letter
/// sub-queue's sequence number.</summary>
public sealed record DeadLetterView(string Id, string? OrderId, string? MemberId, string Reason, long DeliveryCount, DateTimeOffset? At);

/// <summary>A dead letter put back on the assignment queue as a fresh offer message.</summary>
public sealed record DeadLetterResubmitted(string Id, string OrderId);
