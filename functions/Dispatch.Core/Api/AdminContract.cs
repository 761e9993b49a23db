namespace Dispatch.Core.Api;

/// <summary>POST /api/admin/communities (a new community; its id is made from nothing when left out) and PUT
/// …/{communityId} (a new name; the id in the body is ignored).</summary>
public sealed record CommunityRequest(string? CommunityId, string? NameZh, string? NameEn);

/// <summary>POST …/organizers: a community organizer, or with <c>gridId</c> a grid organizer (网格员).</summary>
public sealed record OrganizerRequest(string? Name, string? Phone, string? GridId);

/// <summary>An organizer as administrators see them (their phone is how they are reached).</summary>
public sealed record OrganizerView(string OrganizerId, string Name, string? Phone, string? GridId);

/// <summary>A community on the administration page: its names, grids (for choosing a grid organizer's grid) and organizers.</summary>
public sealed record AdminCommunityView(string CommunityId, string NameZh, string NameEn, IReadOnlyList<GridView> Grids, IReadOnlyList<OrganizerView> Organizers);

/// <summary>The organizer just added, with the link that opens the organizer page for them (a credential: hand it
/// over privately).</summary>
public sealed record OrganizerAdded(OrganizerView Organizer, string Url);
