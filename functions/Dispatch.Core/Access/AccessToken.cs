namespace Dispatch.Core.Access;

public enum TokenRole
{
    /// <summary>The resident who placed an order; scope is the order id.</summary>
    Resident,

    /// <summary>A member; scope is an order id (an offer link) or the member's community (the inbox link).</summary>
    Member,

    /// <summary>Community or grid staff; scope is the community id.</summary>
    Organizer,
}

/// <summary>What a signed link grants: a role, a person, a scope, until a time.</summary>
public sealed record AccessToken(TokenRole Role, string Subject, string Scope, DateTimeOffset ExpiresAt);
