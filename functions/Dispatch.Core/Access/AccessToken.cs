namespace Dispatch.Core.Access;

public enum TokenRole
{
    /// <summary>The resident who placed an order; scope is the order id.</summary>
    Resident,

    /// <summary>A member; scope is an order id (an offer link) or the member's community (the inbox link).</summary>
    Member,

    /// <summary>Community or grid staff; scope is the community id. A grid organizer's token also names the grid
    /// (<see cref="AccessToken.Grid"/>): they see and act on that grid's orders, members and reports only.</summary>
    Organizer,

    /// <summary>Self-registration (在职党员报到); scope is the community. The subject is
    /// <see cref="AccessTokens.CommunityRegistration"/> for the community's registration link, or a registration id
    /// for the applicant's link to follow their registration.</summary>
    Registrant,

    /// <summary>A district administrator (区级管理员): maintains communities and reads every report; scope is
    /// <see cref="AccessTokens.District"/>.</summary>
    Administrator,
}

public static class AccessTokens
{
    /// <summary>The subject of a community's registration link (anyone holding it may register there).</summary>
    public const string CommunityRegistration = "register";

    /// <summary>The scope of an administrator's token: the one district a deployment serves.</summary>
    public const string District = "district";
}

/// <summary>What a signed link or session grants: a role, a person, a scope, until a time; for a grid organizer,
/// also the grid (null for everyone else). <see cref="OrderScoped"/> marks a member's offer link, whose scope is one
/// order: it opens that order's page and actions, never the inbox, records or other orders.</summary>
public sealed record AccessToken(TokenRole Role, string Subject, string Scope, DateTimeOffset ExpiresAt, string? Grid = null, bool OrderScoped = false);
