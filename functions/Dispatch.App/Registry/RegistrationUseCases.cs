using Dispatch.App.SignedLinks;
using Dispatch.Core;
using Dispatch.Core.Api;
using Dispatch.Core.Registry;
using Dispatch.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Dispatch.App.Registry;

/// <summary>Self-registration (在职党员报到): a member opens the community's registration link and registers; the
/// registration waits, pending, for an organizer of that community, who approves it (the member is active and
/// matched at once) or rejects it with a reason the applicant reads through their own link. Repeating a
/// submission, an approval or a rejection changes nothing the second time.</summary>
public sealed class RegistrationUseCases(
    Links links, IOptions<PublicLinkOptions> linkOptions, RegistrationStore registrations, MemberStore members,
    OrgDirectory org, TimeProvider clock)
{
    private const int Attempts = 3;

    /// <summary>The community the link registers at, with its grids and buildings, for the form.</summary>
    public async Task<IResult> FormAsync(RegistrantLink registrant, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(registrant);
        var community = registrant.CommunityId;
        var tree = await org.GetCommunityAsync(community, ct) ?? throw new ApiProblemException(ApiProblem.NotFound("community"));
        return Results.Ok(Queries.OrganizerQueries.View(tree));
    }

    /// <summary>Registers: 201 with the applicant's link; the same phone and name again answer 200 with the same
    /// registration (a rejected one is pending again with the new details); a member already registered here
    /// answers 409 member-exists.</summary>
    public async Task<IResult> SubmitAsync(RegistrantLink registrant, RegistrationRequest? body, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(registrant);
        var community = registrant.CommunityId;
        var (details, pledge) = MemberForm.Validate(body, RegistryViews.Places(community, await org.GetCommunityAsync(community, ct)));
        if (await members.FindByPhoneAsync(community, details.Phone, ct) is { } member)
        {
            throw new ApiProblemException(RegistryProblems.MemberExists(member.MemberId));
        }

        var submitted = await registrations.SubmitAsync(
            new Registration("r-" + Guid.NewGuid().ToString("N")[..16], details, pledge, RegistrationStatus.Pending, clock.GetUtcNow()), ct);
        var registration = submitted.Registration;
        // Only the applicant's own repeat gets their link back, not someone who knows the phone alone.
        if (!submitted.Created && registration.Details.Name != details.Name)
        {
            throw new ApiProblemException(RegistryProblems.AlreadyRegistered());
        }

        var token = links.ApplicantToken(registration.RegistrationId, community);
        var receipt = new RegistrationReceipt(
            registration.RegistrationId, registration.Status.ToString(),
            linkOptions.Value.Absolute(RegistryRoutes.RegisterPage(token, registration.RegistrationId)), token);
        return submitted.Created ? Results.Created(RegistryRoutes.RegistrationOf(registration.RegistrationId), receipt) : Results.Ok(receipt);
    }

    /// <summary>The applicant's view of their registration, by their own link.</summary>
    public async Task<IResult> StatusAsync(RegistrantLink registrant, string registrationId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(registrant);
        var applicant = registrant.Applicant(registrationId);
        var stored = await GetAsync(applicant.CommunityId, registrationId, ct);
        return Results.Ok(RegistryViews.Status(stored.Registration));
    }

    public async Task<IResult> ListAsync(OrganizerLink organizer, string? status, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(organizer);
        var community = organizer.CommunityId;
        RegistrationStatus? filter = null;
        if (!string.IsNullOrEmpty(status))
        {
            filter = EnumNames.TryParse<RegistrationStatus>(status, out var s)
                ? s
                : throw new ApiProblemException(ApiProblem.Validation(new Dictionary<string, string[]>
                {
                    ["status"] = [$"One of {EnumNames.List<RegistrationStatus>()}."],
                }));
        }

        var list = await registrations.ListAsync(community, filter, ct);
        return Results.Ok(list.Where(r => organizer.Sees(r.Details.Home.GridId)).Select(RegistryViews.Registration)); // a grid organizer: their grid's
    }

    /// <summary>Approves: the decision is written first (naming the member, or the member who already has that
    /// phone), then the member is added, active. Approving again only adds the member if a crash left them out,
    /// so the second time writes nothing.</summary>
    public async Task<IResult> ApproveAsync(OrganizerLink organizer, string registrationId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(organizer);
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var stored = await GetAsync(organizer.CommunityId, registrationId, ct);
            var registration = stored.Registration;
            organizer.Over(registration.Details.Home.GridId);
            if (registration.Status != RegistrationStatus.Pending)
            {
                RegistrationRules.Approve(registration, "", organizer.OrganizerId, clock.GetUtcNow()); // 409 when rejected
                await EnsureMemberAsync(registration, ct);
                return Decided(registration);
            }

            var holder = await members.FindByPhoneAsync(organizer.CommunityId, registration.Details.Phone, ct);
            var approved = RegistrationRules.Approve(registration, holder?.MemberId ?? MemberRegistry.NewMemberId(), organizer.OrganizerId, clock.GetUtcNow())!;
            if (await registrations.TryReplaceAsync(stored with { Registration = approved }, ct))
            {
                await EnsureMemberAsync(approved, ct);
                return Decided(approved);
            }
        }

        throw new ApiProblemException(ApiProblem.Conflict("The registration was changed at the same time; reload and try again."));
    }

    /// <summary>Rejects with a reason the applicant reads. Rejecting again answers the first rejection.</summary>
    public async Task<IResult> RejectAsync(OrganizerLink organizer, string registrationId, RejectRequest? body, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(organizer);
        var reason = RegistrationRules.RejectionReason(body);
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var stored = await GetAsync(organizer.CommunityId, registrationId, ct);
            organizer.Over(stored.Registration.Details.Home.GridId);
            if (RegistrationRules.Reject(stored.Registration, reason, organizer.OrganizerId, clock.GetUtcNow()) is not { } rejected)
            {
                return Decided(stored.Registration);
            }

            if (await registrations.TryReplaceAsync(stored with { Registration = rejected }, ct))
            {
                return Decided(rejected);
            }
        }

        throw new ApiProblemException(ApiProblem.Conflict("The registration was changed at the same time; reload and try again."));
    }

    /// <summary>The approved registration's member exists (added now if not): active, ready for matching.</summary>
    private async Task EnsureMemberAsync(Registration approved, CancellationToken ct)
    {
        if (approved.MemberId is { } memberId && await members.GetAsync(approved.CommunityId, memberId, ct) is null)
        {
            await members.AddAsync(approved.Details.ToMember(memberId), ct);
        }
    }

    private static IResult Decided(Registration registration) => Results.Ok(RegistryViews.Registration(registration));

    private async Task<StoredRegistration> GetAsync(string communityId, string registrationId, CancellationToken ct) =>
        await registrations.GetAsync(communityId, Ids.Require(registrationId, "registrationId"), ct)
        ?? throw new ApiProblemException(ApiProblem.NotFound("registration"));
}
