using Dispatch.App.SignedLinks;
using Dispatch.Core.Access;
using Dispatch.Core.Api;
using Dispatch.Storage;

namespace Dispatch.App.Orders;

/// <summary>Loads an order and shapes it for whoever's link asks: the member's view for a member, the
/// resident's view (with the assigned member and the timeline) for the resident or an organizer.</summary>
public sealed class OrderReader(OrderStore orders, MemberStore members, TimelineNotes notes, OrgDirectory org)
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
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(order);
        var state = order.State;
        switch (caller.Role)
        {
            case TokenRole.Member:
                return await NamedAsync(MemberView(caller.Member(), order, afterOwnAction), org, ct);
            case TokenRole.Organizer:
                caller.OrganizerFor(state);
                return await ResidentViewAsync(order, ct, forOrganizer: true);
            default:
                caller.ResidentOf(state.OrderId);
                return await ResidentViewAsync(order, ct);
        }
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

    private static MemberOrderView MemberView(MemberLink link, StoredOrder order, bool afterOwnAction)
    {
        string memberId;
        try
        {
            memberId = link.For(order.State).MemberId;
        }
        catch (InvalidTokenException e) when (e.Failure == TokenFailure.WrongScope)
        {
            throw new ApiProblemException(ApiProblem.NotFound("order"));
        }

        return afterOwnAction || OrderViews.MemberMaySee(order.State, memberId)
            ? OrderViews.ForMember(order.State, order.Resident, memberId)
            : throw new ApiProblemException(ApiProblem.NotFound("order"));
    }

    /// <param name="forOrganizer">Organizers also see who declined and why.</param>
    public async Task<ResidentOrderView> ResidentViewAsync(StoredOrder order, CancellationToken ct, bool forOrganizer = false)
    {
        ArgumentNullException.ThrowIfNull(order);
        var state = order.State;
        var assigned = state.MemberId is { } id ? await members.GetAsync(state.Request.Location.CommunityId, id, ct) : null;
        var history = await orders.HistoryAsync(state.OrderId, ct);
        var placedBy = state.Request.PlacedBy is { } organizer
            ? (await org.ListOrganizersAsync(state.Request.Location.CommunityId, ct)).FirstOrDefault(o => o.OrganizerId == organizer)?.Name
            : null;
        var view = OrderViews.ForResident(state, order.Resident, assigned, history.Select(h => (h.Event, h.At)), placedBy);
        return view with { Timeline = await notes.AddAsync(state, history, view.Timeline, forOrganizer, ct) };
    }
}
