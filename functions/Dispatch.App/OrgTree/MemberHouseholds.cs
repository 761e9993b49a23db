using System.Collections.Immutable;
using Dispatch.App.SignedLinks;
using Dispatch.Core.Api;
using Dispatch.Storage;
using Microsoft.AspNetCore.Http;

namespace Dispatch.App.OrgTree;

/// <summary>党员中心户: the households a member is linked to, which matching ranks first for their orders. An organizer
/// of the member's community sets them (a grid organizer, for members of their grid); up to <see cref="Max"/> household
/// ids under the <see cref="Ids"/> rule, the list replaced as a whole.</summary>
public sealed class MemberHouseholds(MemberStore members)
{
    public const int Max = 20;

    public async Task<IResult> SetAsync(OrganizerLink organizer, string memberId, HouseholdsRequest? body, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(organizer);
        var member = await members.GetAsync(organizer.CommunityId, Ids.Require(memberId, "memberId"), ct)
            ?? throw new ApiProblemException(ApiProblem.NotFound("member"));
        organizer.Over(member.Home.GridId);
        var wanted = (body?.Households ?? []).Select(h => h?.Trim()).ToList();
        if (body?.Households is null || wanted.Count > Max || !wanted.All(Ids.IsValid))
        {
            throw new ApiProblemException(ApiProblem.Validation(new Dictionary<string, string[]>
            {
                ["households"] = [$"最多 {Max} 个户号，每个为 1–100 个字母、数字或 - _ . ~ : 字符。 Up to {Max} household ids of 1–100 letters, digits or - _ . ~ : characters."],
            }));
        }

        var households = wanted.Select(h => h!).ToImmutableHashSet(StringComparer.Ordinal);
        var updated = member with { LinkedHouseholds = households.IsEmpty ? null : households };
        try
        {
            if (await members.ReplaceAsync(updated, ct) is { } holder)
            {
                throw new ApiProblemException(ApiProblem.Conflict($"Member {holder.MemberId} has this member's phone; reload and try again."));
            }
        }
        catch (ConcurrencyConflictException)
        {
            throw new ApiProblemException(ApiProblem.Conflict("The member was changed at the same time; reload and try again."));
        }

        return Results.Ok(new HouseholdsView(member.MemberId, [.. households.Order(StringComparer.Ordinal)]));
    }
}
