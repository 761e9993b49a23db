namespace Dispatch.Core.Access;

public enum TokenRole
{
    /// <summary>The resident who placed an order; scope is the order id.</summary>
    Resident,

    /// <summary>A member; scope is an order id (an offer link) or the member's community (the inbox link).</summary>
    Member,

    /// <summary>Community or grid staff; scope is the community id.</summary>
    Organizer,

    /// <summary>Self-registration (在职党员报到); scope is the community. The subject is
    /// <see cref="AccessTokens.CommunityRegistration"/> for the community's registration link, or a registration id
    /// for the applicant's link to follow their registration.</summary>
    Registrant,
}

public static class AccessTokens
{
    /// <summary>The subject of a community's registration link (anyone holding it may register there).</summary>
    public const string CommunityRegistration = "register";
}

/// <summary>What a signed link grants: a role, a person, a scope, until a time.</summary>
public sealed record AccessToken(TokenRole Role, string Subject, string Scope, DateTimeOffset ExpiresAt);
