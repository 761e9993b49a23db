using Dispatch.App.SignedLinks;
using Dispatch.Core.Api;
using Dispatch.Core.Orders;
using Dispatch.Storage;

namespace Dispatch.App.Orders;

/// <summary>Resolves the member behind a member link into the event they ask for, once for both hosts.
/// Events that take on new work (accepting an offer, claiming a wish) need an active member: a member
/// deactivated after the offer went out, or holding an old inbox link, is refused before anything changes.
/// Declining and reporting hours on work already held stay open, so nothing is left stranded.</summary>
public sealed class MemberEvents(MemberStore members, RosterCache rosters)
{
    /// <exception cref="ApiProblemException">403 member-inactive for new work by a member who is not active.</exception>
    /// <exception cref="Core.Access.InvalidTokenException">403 token-wrongscope: the link opens neither this offer nor
    /// its community.</exception>
    public async Task<OrderEvent> EventAsync(MemberLink link, OrderState order, Func<string, OrderEvent> make, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(link);
        ArgumentNullException.ThrowIfNull(make);
        var e = make(link.For(order).MemberId);
        var takesWork = e switch { OfferAccepted a => a.MemberId, WishClaimed w => w.MemberId, _ => null };
        if (takesWork is not null)
        {
            await EnsureActiveAsync(order.Request.Location.CommunityId, takesWork, ct);
        }

        return e;
    }

    /// <exception cref="ApiProblemException">403 member-inactive: unknown or deactivated in this community.</exception>
    public async Task EnsureActiveAsync(string communityId, string memberId, CancellationToken ct)
    {
        // The roster the host's own writes vouch for answers without a read (the local host); else the member's row.
        var active = rosters.Vouched(communityId) is { } roster
            ? roster.Holds(memberId)
            : await members.GetAsync(communityId, memberId, ct) is { Active: true };
        if (!active)
        {
            throw new ApiProblemException(ApiProblem.MemberInactive(memberId));
        }
    }
}
