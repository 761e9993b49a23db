using Dispatch.App.SignedLinks;
using Dispatch.Core.Api;
using Dispatch.Core.Members;
using Dispatch.Core.Registry;
using Dispatch.Storage;
using Microsoft.AspNetCore.Http;

namespace Dispatch.App.Registry;

/// <summary>Organizers manage their community's members (报到登记): add, edit, deactivate and reactivate. Each
/// method takes the organizer's verified link (its community), validates against the community's directory, calls the store and answers.
/// Every change can be repeated: an add is keyed by phone (409 member-exists names the member), edits and the
/// active flag are replacements. Matching, claims and acceptances read <see cref="Member.Active"/>, so a
/// deactivated member gets no new work at once; their records stay. A grid organizer manages the members living in
/// their grid only (403 token-wrongscope for another grid's, checked here once per method). Deactivating a member also
/// forgets their notification channels (email address, SMS choice, push subscriptions): addresses are personal data
/// kept only while the person takes part; a reactivated member chooses again.</summary>
public sealed class MemberRegistry(MemberStore members, OrgDirectory org, ChannelStore channels)
{
    public async Task<IResult> AddAsync(OrganizerLink organizer, MemberRequest? body, CancellationToken ct)
    {
        var community = Community(organizer);
        var details = MemberForm.Validate(body, await PlacesAsync(community, ct));
        organizer.Over(details.Home.GridId); // a grid organizer adds members of their grid
        var added = await members.AddAsync(details.ToMember(NewMemberId()), ct);
        return added.Added
            ? Results.Created(RegistryRoutes.MemberOf(added.Member.MemberId), RegistryViews.Member(added.Member))
            : throw new ApiProblemException(RegistryProblems.MemberExists(added.Member.MemberId));
    }

    public async Task<IResult> EditAsync(OrganizerLink organizer, string memberId, MemberRequest? body, CancellationToken ct)
    {
        var community = Community(organizer);
        var member = await MemberAsync(community, memberId, ct);
        organizer.Over(member.Home.GridId);
        var details = MemberForm.Validate(body, await PlacesAsync(community, ct));
        organizer.Over(details.Home.GridId); // nor move them out of it
        return await ReplaceAsync(details.ApplyTo(member), ct);
    }

    /// <summary>Deactivates (<c>active: false</c>) or reactivates a member; the same value again writes nothing.</summary>
    public async Task<IResult> SetActiveAsync(OrganizerLink organizer, string memberId, ActiveRequest? body, CancellationToken ct)
    {
        var community = Community(organizer);
        if (body?.Active is not { } active)
        {
            throw new ApiProblemException(ApiProblem.Validation(new Dictionary<string, string[]>
            {
                ["active"] = ["请填写 true（启用）或 false（停用）。 true to reactivate, false to deactivate."],
            }));
        }

        var member = await MemberAsync(community, memberId, ct);
        organizer.Over(member.Home.GridId);
        var answer = member.Active == active ? Results.Ok(RegistryViews.Member(member)) : await ReplaceAsync(member with { Active = active }, ct);
        if (!active)
        {
            // After the member row says inactive (also when it already did: a crash may have come between the two).
            await channels.ForgetAsync(ChannelPerson.Member(member.MemberId), ct);
        }

        return answer;
    }

    /// <summary>A new member id: random, so it tells nothing about the person (ids travel in links and logs).</summary>
    public static string NewMemberId() => "m-" + Guid.NewGuid().ToString("N")[..16];

    internal async Task<CommunityPlaces> PlacesAsync(string communityId, CancellationToken ct) =>
        RegistryViews.Places(communityId, await org.GetCommunityAsync(communityId, ct));

    private async Task<IResult> ReplaceAsync(Member updated, CancellationToken ct)
    {
        try
        {
            return await members.ReplaceAsync(updated, ct) is { } holder
                ? throw new ApiProblemException(RegistryProblems.PhoneTaken(holder.MemberId))
                : Results.Ok(RegistryViews.Member(updated));
        }
        catch (ConcurrencyConflictException)
        {
            throw new ApiProblemException(ApiProblem.Conflict("The member was changed at the same time; reload and try again."));
        }
    }

    private static string Community(OrganizerLink organizer)
    {
        ArgumentNullException.ThrowIfNull(organizer);
        return organizer.CommunityId;
    }

    private async Task<Member> MemberAsync(string communityId, string memberId, CancellationToken ct) =>
        await members.GetAsync(communityId, Ids.Require(memberId, "memberId"), ct) ?? throw new ApiProblemException(ApiProblem.NotFound("member"));
}
