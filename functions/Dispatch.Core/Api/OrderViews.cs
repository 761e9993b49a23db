using Dispatch.Core.Members;
using Dispatch.Core.Orders;

namespace Dispatch.Core.Api;

/// <summary>Shapes an order for each audience, deciding who may see which personal details.</summary>
public static class OrderViews
{
    /// <param name="placedByName">The name of the organizer who placed the order for the resident (代下单), if one did.</param>
    public static ResidentOrderView ForResident(
        OrderState state, ResidentDetails resident, Member? assigned, IEnumerable<(OrderEvent Event, DateTimeOffset At)> history,
        string? placedByName = null) => new(
        state.OrderId,
        state.Request.Kind.ToString(),
        state.Request.Category.ToString(),
        state.Status,
        state.Request.Location.CommunityId,
        state.Request.Location.GridId,
        state.Request.Location.BuildingId,
        state.Request.Urgent,
        state.PlacedAt,
        state.Request.WantedAt,
        resident.Description,
        assigned is null || state.MemberId != assigned.MemberId ? null : new AssignedMember(assigned.MemberId, assigned.Name, assigned.Phone),
        state.Hours?.Value,
        state.Rating,
        CanCancel: state.Status is OrderStatus.Placed or OrderStatus.Open or OrderStatus.Offered or OrderStatus.Escalated or OrderStatus.Accepted,
        CanConfirm: state.Status == OrderStatus.Done,
        Timeline(history, state.MemberId == assigned?.MemberId ? assigned?.Name : null, placedByName),
        state.Reference)
    {
        OfferFrom = state.Status == OrderStatus.Placed ? state.OfferFrom : null,
        PlacedBy = state.Request.PlacedBy is { } organizer ? new PlacedByView(organizer, placedByName ?? "") : null,
    };

    /// <summary>A member may read an order only while it concerns them: offered to them now, held by them, or an
    /// open wish on their community's board. Past offers, declined or expired, are not enough.</summary>
    public static bool MemberMaySee(OrderState state, string memberId)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Offer?.MemberId == memberId || state.MemberId == memberId || state.Status == OrderStatus.Open;
    }

    /// <summary>The order's photo goes only to the member who accepted (or claimed) it, as long as it is theirs:
    /// an offer alone does not show it.</summary>
    public static bool MemberMaySeePhoto(OrderState state, string memberId)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.MemberId == memberId && state.Status is OrderStatus.Accepted or OrderStatus.Done or OrderStatus.Confirmed;
    }

    /// <summary>The resident's phone and address go only to the member who accepted or claimed the order.</summary>
    public static MemberOrderView ForMember(OrderState state, ResidentDetails resident, string memberId)
    {
        var role = state.Offer?.MemberId == memberId ? "offered"
            : state.MemberId == memberId ? "assigned"
            : "none";
        var taken = state.MemberId == memberId && state.Status != OrderStatus.Cancelled;
        var reason = state.Offer?.MemberId == memberId ? state.Offer.Reason : null;
        return new MemberOrderView(
            state.OrderId,
            state.Request.Kind.ToString(),
            state.Request.Category.ToString(),
            state.Status,
            state.Request.Location.CommunityId,
            state.Request.Location.GridId,
            state.Request.Location.BuildingId,
            state.Request.Urgent,
            state.PlacedAt,
            state.Request.WantedAt,
            resident.Description,
            role,
            state.Offer?.MemberId == memberId ? state.Offer.Deadline : null,
            reason,
            taken ? new ResidentContact(resident.Name, resident.Phone, resident.Address) : null,
            state.Hours?.Value,
            state.Reference);
    }

    private static List<TimelineEntry> Timeline(IEnumerable<(OrderEvent Event, DateTimeOffset At)> history, string? assignedName, string? placedByName) =>
        [.. history.Select(h => new TimelineEntry(h.At, What(h.Event), h.Event switch
        {
            OfferAccepted or WishClaimed => assignedName,
            OrderPlaced { Request.PlacedBy: not null } => placedByName,
            _ => null,
        }))];

    /// <summary>Residents see what happened, not which other members were asked.</summary>
    public static string What(OrderEvent e) => e switch
    {
        OrderPlaced { Request.PlacedBy: not null } => "placedByOrganizer",
        OrderPlaced => "placed",
        CandidateFound or HandDispatched => "offered",
        NoCandidateLeft => "escalated",
        OfferAccepted => "accepted",
        OfferDeclined => "declined",
        WishClaimed => "claimed",
        HoursReported => "done",
        ServiceConfirmed { By: Hours.ConfirmedBy.Organizer } => "confirmedForResident",
        ServiceConfirmed => "confirmed",
        ServiceDisputed => "reopened",
        OrderCancelled => "cancelled",
        TimerFired t => t.Kind switch
        {
            TimerKind.OfferDeadline => "expired",
            TimerKind.OfferReminder => "reminded",
            TimerKind.BoardExpiry => "dispatching",
            TimerKind.QuietHoursOver => "morningDispatch",
            TimerKind.ConfirmReminder => "confirmReminder",
            TimerKind.ConfirmEscalation => "toOrganizers",
            TimerKind.ServiceTomorrow or TimerKind.ServiceSoon => "serviceReminder",
            _ => "updated",
        },
        _ => "updated",
    };
}
