using Dispatch.Core.Api;
using Dispatch.Core.Orders;
using Dispatch.Storage;

namespace Dispatch.App.Orders;

/// <summary>An organizer's dispatch by hand: only to an active member of the order's community.</summary>
public sealed class HandDispatch(MemberStore members)
{
    /// <exception cref="ApiProblemException">No member id, or not an active member of the community.</exception>
    public async Task<HandDispatched> EventAsync(string communityId, string organizerId, string? memberId, CancellationToken ct)
    {
        if (!Ids.IsValid(memberId) || await members.GetAsync(communityId, memberId!, ct) is not { Active: true })
        {
            throw new ApiProblemException(ApiProblem.Validation(new Dictionary<string, string[]>
            {
                ["memberId"] = ["Choose an active member of this community."],
            }));
        }

        return new HandDispatched(organizerId, memberId!);
    }
}
