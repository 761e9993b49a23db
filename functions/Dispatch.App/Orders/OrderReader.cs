using Dispatch.App.SignedLinks;
using Dispatch.Core.Access;
using Dispatch.Core.Api;
using Dispatch.Core.Orders;
using Dispatch.Storage;

namespace Dispatch.App.Orders;

/// <summary>Loads an order and shapes it for whoever's link asks: the member's view for a member, the
/// resident's view (with the assigned member and the timeline) for the resident or an organizer.</summary>
public sealed class OrderReader(OrderStore orders, MemberStore members, TimelineNotes notes, OrgDirectory org, PhotoStore photos)
{
    /// <summary>The order, a validation problem for an id that cannot be one (e.g. "../x"), or not-found.</summary>
    public async Task<StoredOrder> LoadAsync(string orderId, CancellationToken ct) =>
        await orders.GetAsync(Ids.Require(orderId, "orderId"), ct) ?? throw new ApiProblemException(ApiProblem.NotFound("order"));

    /// <param name="afterOwnAction">The caller's event was just accepted by the decider, which proves the member
    /// was entitled to it (e.g. the offer they just declined); they get the answer to their action.</param>
    /// <exception cref="ApiProblemException">404 for a member the order does not concern
    /// (<see cref="OrderViews.MemberMaySee"/>) or of another community: the same answer as an unknown id, so
    /// ids cannot be probed.</exception>
    public async Task<object> ViewForAsync(CallerLink caller, StoredOrder order, CancellationToken ct, bool afterOwnAction = false)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (Check(caller, order.State) is not { } memberId)
        {
            return await ResidentViewAsync(order, ct, forOrganizer: caller.Role == TokenRole.Organizer);
        }

        if (!afterOwnAction && !OrderViews.MemberMaySee(order.State, memberId))
        {
            throw new ApiProblemException(ApiProblem.NotFound("order"));
        }

        return await MemberViewAsync(order, memberId, ct);
    }

    /// <summary>The member's view: the organizer who dispatched it by hand by name, and
    /// <see cref="MemberOrderView.HasPhoto"/> once they may see the photo.</summary>
    public async Task<MemberOrderView> MemberViewAsync(StoredOrder order, string memberId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(order);
        var view = await NamedAsync(OrderViews.ForMember(order.State, order.Resident, memberId), org, ct);
        return OrderViews.MemberMaySeePhoto(order.State, memberId) ? view with { HasPhoto = await HasPhotoAsync(order, ct) } : view;
    }

    /// <summary>The member's view with the name of the organizer who dispatched it by hand, instead of their id.</summary>
    public static async Task<MemberOrderView> NamedAsync(MemberOrderView view, OrgDirectory org, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(org);
        if (view.Reason is not { ByHand: true, OrganizerId: { } organizerId })
        {
            return view;
        }

        var name = (await org.ListOrganizersAsync(view.CommunityId, ct)).FirstOrDefault(o => o.OrganizerId == organizerId)?.Name;
        return view with { DispatchedBy = name };
    }

    /// <summary>Checks the caller may read this order at all (the resident of it, an organizer of its community or
    /// grid, or a member of its community) and returns the member's id when a member asks, null otherwise; what a
    /// member may see of it is up to the caller.</summary>
    /// <exception cref="ApiProblemException">404 for a member of another community, as for an unknown id.</exception>
    public static string? Check(CallerLink caller, OrderState state)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(state);
        switch (caller.Role)
        {
            case TokenRole.Member:
                try
                {
                    return caller.Member().For(state).MemberId;
                }
                catch (InvalidTokenException e) when (e.Failure == TokenFailure.WrongScope)
                {
                    throw new ApiProblemException(ApiProblem.NotFound("order"));
                }

            case TokenRole.Organizer:
                caller.OrganizerFor(state);
                return null;
            default:
                caller.ResidentOf(state.OrderId);
                return null;
        }
    }

    /// <summary>From the order row's flag; an order stored before the flag existed asks the blob store.</summary>
    private async Task<bool> HasPhotoAsync(StoredOrder order, CancellationToken ct) =>
        order.HasPhoto ?? await photos.ExistsAsync(order.OrderId, ct);

    /// <param name="forOrganizer">Organizers also see who declined and why.</param>
    public async Task<ResidentOrderView> ResidentViewAsync(StoredOrder order, CancellationToken ct, bool forOrganizer = false)
    {
        ArgumentNullException.ThrowIfNull(order);
        var state = order.State;
        var assigned = state.MemberId is { } id ? await members.GetAsync(state.Request.Location.CommunityId, id, ct) : null;
        var history = await orders.HistoryAsync(order, ct);
        var placedBy = state.Request.PlacedBy is { } organizer
            ? (await org.ListOrganizersAsync(state.Request.Location.CommunityId, ct)).FirstOrDefault(o => o.OrganizerId == organizer)?.Name
            : null;
        var view = OrderViews.ForResident(state, order.Resident, assigned, history.Select(h => (h.Event, h.At)), placedBy);
        return view with
        {
            Timeline = await notes.AddAsync(state, history, view.Timeline, forOrganizer, ct),
            HasPhoto = await HasPhotoAsync(order, ct),
        };
    }
}
