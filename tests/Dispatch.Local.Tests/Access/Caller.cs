namespace Dispatch.Local.Tests.Access;

/// <summary>Everyone who may knock on a route: each role, and each scope that must not reach what is in grid g1 of
/// community "hubin" (every resource of the matrix is there).</summary>
public enum Caller
{
    /// <summary>No link at all: 401 wherever a link is needed.</summary>
    None,

    /// <summary>The resident of the order the route is about (of another order for routes about none).</summary>
    Resident,

    /// <summary>A member's inbox link of hubin: the member the route's order is offered to, or m005.</summary>
    Member,

    /// <summary>The same member's offer link of another order (order-scoped: it opens that order only).</summary>
    OfferLinkOfAnotherOrder,

    /// <summary>Hubin's registration link (在职党员报到).</summary>
    Registrant,

    /// <summary>An applicant's link to their own registration.</summary>
    Applicant,

    /// <summary>The grid organizer of g1, where the resource is.</summary>
    GridOrganizerG1,

    /// <summary>A grid organizer of hubin's g2: the resource is not in their grid.</summary>
    GridOrganizerG2,

    /// <summary>A community organizer of hubin.</summary>
    CommunityOrganizer,

    /// <summary>An organizer of another community.</summary>
    OrganizerOfAnotherCommunity,

    /// <summary>The district administrator.</summary>
    Administrator,
}
