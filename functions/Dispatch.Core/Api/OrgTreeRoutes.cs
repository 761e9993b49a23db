namespace Dispatch.Core.Api;

/// <summary>Routes of the organization tree a community organizer keeps: grids and their buildings (new ones show up
/// at once in the order and registration forms, which read the tree). Each answers the community's whole tree, as
/// <see cref="Routes.Communities"/> shows it.</summary>
public static class OrgTreeRoutes
{
    /// <summary>POST <c>{id?, nameZh, nameEn?}</c>: add a grid.</summary>
    public const string Grids = "/api/organizer/tree/grids";

    /// <summary>PUT <c>{nameZh, nameEn?}</c>: rename a grid.</summary>
    public const string Grid = "/api/organizer/tree/grids/{gridId}";

    /// <summary>POST <c>{id?, nameZh, nameEn?}</c>: add a building to the grid.</summary>
    public const string Buildings = "/api/organizer/tree/grids/{gridId}/buildings";

    /// <summary>PUT <c>{nameZh, nameEn?}</c>: rename a building.</summary>
    public const string Building = "/api/organizer/tree/grids/{gridId}/buildings/{buildingId}";

    /// <summary>PUT <c>{households}</c>: the households a member (党员中心户) is linked to; matching offers their
    /// orders to that member first. A grid organizer: members of their grid.</summary>
    public const string MemberHouseholds = "/api/organizer/members/{memberId}/households";

    public static string MemberHouseholdsOf(string memberId) => MemberHouseholds.Replace("{memberId}", Uri.EscapeDataString(memberId), StringComparison.Ordinal);

    public static string GridOf(string gridId) => Grid.Replace("{gridId}", Uri.EscapeDataString(gridId), StringComparison.Ordinal);

    public static string BuildingsOf(string gridId) => Buildings.Replace("{gridId}", Uri.EscapeDataString(gridId), StringComparison.Ordinal);

    public static string BuildingOf(string gridId, string buildingId) =>
        BuildingsOf(gridId) + "/" + Uri.EscapeDataString(buildingId);
}

/// <summary>The households a member is linked to (replaces the list; empty unlinks them all).</summary>
public sealed record HouseholdsRequest(IReadOnlyList<string?>? Households);

/// <summary>A member's linked households, as stored.</summary>
public sealed record HouseholdsView(string MemberId, IReadOnlyList<string> Households);

/// <summary>A new grid or building (its id made when left out), or a new name for one (the id is ignored).</summary>
public sealed record PlaceRequest(string? Id, string? NameZh, string? NameEn);
