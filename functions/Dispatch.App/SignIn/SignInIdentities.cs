using Dispatch.Core.Access;
using Dispatch.Core.Api;
using Dispatch.Core.Registry;
using Dispatch.Storage;

namespace Dispatch.App.SignIn;

/// <summary>One identity a phone signs in as: the token it gets and the name to show when choosing.</summary>
public sealed record Identity(TokenRole Role, string Subject, string Scope, string? Grid, string Name)
{
    public string? CommunityId => Role == TokenRole.Administrator ? null : Scope;

    public SignInChoice Choice => new(Role.ToString(), CommunityId, Name);

    public string Home => Role switch
    {
        TokenRole.Administrator => SignInRoutes.AdministratorHome,
        TokenRole.Organizer => SignInRoutes.OrganizerHome,
        _ => SignInRoutes.MemberHome,
    };
}

/// <summary>Who a phone is: the district administrators, the organizers of every community and the active members
/// of every community with that number. A deactivated member is not found, so they cannot sign in.</summary>
public sealed class SignInIdentities(OrgDirectory org, MemberStore members)
{
    public async Task<IReadOnlyList<Identity>> FindAsync(string phone, CancellationToken ct)
    {
        var found = new List<Identity>();
        foreach (var a in await org.ListAdministratorsAsync(ct))
        {
            if (Same(a.Phone, phone))
            {
                found.Add(new Identity(TokenRole.Administrator, a.AdministratorId, AccessTokens.District, null, a.Name));
            }
        }

        foreach (var community in await org.ListCommunitiesAsync(ct))
        {
            foreach (var o in await org.ListOrganizersAsync(community.CommunityId, ct))
            {
                if (Same(o.Phone, phone))
                {
                    found.Add(new Identity(TokenRole.Organizer, o.OrganizerId, community.CommunityId, o.GridId, o.Name));
                }
            }

            if (await members.FindByPhoneAsync(community.CommunityId, phone, ct) is { Active: true } member)
            {
                found.Add(new Identity(TokenRole.Member, member.MemberId, community.CommunityId, null, member.Name));
            }
        }

        return found;
    }

    /// <summary>Whether a passkey's identity may still sign in: the administrator or organizer is still on the list,
    /// the member is still active.</summary>
    public async Task<bool> StillValidAsync(TokenRole role, string subject, string scope, CancellationToken ct) => role switch
    {
        TokenRole.Administrator => (await org.ListAdministratorsAsync(ct)).Any(a => a.AdministratorId == subject),
        TokenRole.Organizer => (await org.ListOrganizersAsync(scope, ct)).Any(o => o.OrganizerId == subject),
        TokenRole.Member => await members.GetAsync(scope, subject, ct) is { Active: true },
        _ => false,
    };

    private static bool Same(string? stored, string phone) => MemberForm.NormalizePhone(stored) == phone;
}
