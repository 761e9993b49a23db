using Dispatch.Core.Api;
using Dispatch.Core.Orders;
using Dispatch.Storage;

namespace Dispatch.App.Orders;

/// <summary>An organizer's dispatch by hand: only to an active member of the order's community.</summary>
public sealed class HandDispatch(MemberStore members, MemberEvents memberEvents)
{
    /// <exception cref="ApiProblemException">400 for no member id or one not of this community; 403 member-inactive
    /// for a deactivated member (the same check as a member's own claim or acceptance).</exception>
    public async Task<HandDispatched> EventAsync(string communityId, string organizerId, string? memberId, CancellationToken ct)
    {
        if (!Ids.IsValid(memberId) || await members.GetAsync(communityId, memberId!, ct) is null)
        {
            throw new ApiProblemException(ApiProblem.Validation(new Dictionary<string, string[]>
            {
                ["memberId"] = ["Choose an active member of this community."],
            }));
        }

        await memberEvents.EnsureActiveAsync(communityId, memberId!, ct);
        return new HandDispatched(organizerId, memberId!);
    }
}
