using Dispatch.Core.Matching;
using Dispatch.Core.Orders;
using Dispatch.Core.Reminders;

namespace Dispatch.Core.Api;

public sealed record PlaceOrderResponse(string OrderId, Dispatch.Core.Orders.OrderStatus Status, string TrackingUrl, string Token, string? Reference = null);

public sealed record AssignedMember(string MemberId, string Name, string Phone);

public sealed record ResidentContact(string Name, string Phone, string Address);

/// <param name="By">Who acted, by name: an organizer (dispatch by hand, confirming for the resident) for everyone; a member who
/// declined, for organizers only.</param>
/// <param name="Reason">The free-text reason kept with the step: the organizer's reason for confirming for the resident for
/// everyone; a member's reason for declining, for organizers only.</param>
public sealed record TimelineEntry(DateTimeOffset At, string What, string? MemberName, string? By = null, string? Reason = null);

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
    string? Reference = null,
    bool HasPhoto = false)
{
    /// <summary>Set while a non-urgent order placed in quiet hours waits for the morning: when it will be offered.</summary>
    public DateTimeOffset? OfferFrom { get; init; }

    /// <summary>代下单: the organizer who placed the order for the resident; null when the resident did.</summary>
    public PlacedByView? PlacedBy { get; init; }
}

/// <summary>Who placed an order for a resident: an organizer, with the name the timeline shows.</summary>
public sealed record PlacedByView(string OrganizerId, string Name);

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
    string? Reference = null,
    bool HasPhoto = false)
{
    /// <summary>The name of the organizer who dispatched this offer by hand (王书记), instead of their id.</summary>
    public string? DispatchedBy { get; init; }
}

/// <summary>A notice; <see cref="Text"/> carries details without personal data, and instead of it a quota nudge
/// its <see cref="Quota"/> progress and the morning digest its <see cref="Digest"/> list of escalated orders.</summary>
public sealed record NoticeView(
    DateTimeOffset At, string OrderId, NoticeKind Notice, string? Text = null, QuotaProgress? Quota = null, DigestList? Digest = null)
{
    /// <summary>On the organizers' notices: the order's readable reference (HB-20261130-0042), which pages show instead
    /// of <see cref="OrderId"/>; null for a notice about no order, or an order placed before references.</summary>
    public string? Reference { get; init; }

    /// <summary>On the organizers' digest: each listed order with its reference, in <see cref="Digest"/>'s order.</summary>
    public IReadOnlyList<OrderLabel>? DigestOrders { get; init; }

    public static NoticeView Of(DateTimeOffset at, string orderId, NoticeKind kind, string? text) => kind switch
    {
        NoticeKind.QuotaNudge when QuotaProgress.Parse(text) is { } quota => new(at, orderId, kind, Quota: quota),
        NoticeKind.EscalationDigest when DigestList.Parse(text) is { } digest => new(at, orderId, kind, Digest: digest),
        _ => new(at, orderId, kind, text),
    };
}

/// <summary>An order as a page names it: its id (for links) and its readable reference (for people).</summary>
public sealed record OrderLabel(string OrderId, string? Reference);

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
    bool AwaitingOrganizerConfirmation,
    string? Reference = null);

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
