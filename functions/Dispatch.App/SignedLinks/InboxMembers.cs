using Dispatch.Core.Access;
using Dispatch.Core.Members;
using Dispatch.Storage;

namespace Dispatch.App.SignedLinks;

/// <summary>The member a link opens the member's own routes for (inbox, board, records, tally, proofs, posts): the
/// member its subject names in the community its scope names. Members are never deleted, so a member link whose
/// scope holds no such member is not an inbox link — an offer link, scoped to one order — and is refused with 403
/// token-wrongscope, the same everywhere, instead of each route answering its own way (an empty board, a 404…).</summary>
public sealed class InboxMembers(MemberStore members)
{
    public async Task<Member> OfAsync(MemberLink link, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(link);
        return await members.GetAsync(link.CommunityId, link.MemberId, ct) ?? throw new InvalidTokenException(TokenFailure.WrongScope);
    }
}
