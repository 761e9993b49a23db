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

    public static string GridOf(string gridId) => Grid.Replace("{gridId}", Uri.EscapeDataString(gridId), StringComparison.Ordinal);

    public static string BuildingsOf(string gridId) => Buildings.Replace("{gridId}", Uri.EscapeDataString(gridId), StringComparison.Ordinal);

    public static string BuildingOf(string gridId, string buildingId) =>
        BuildingsOf(gridId) + "/" + Uri.EscapeDataString(buildingId);
}

/// <summary>A new grid or building (its id made when left out), or a new name for one (the id is ignored).</summary>
public sealed record PlaceRequest(string? Id, string? NameZh, string? NameEn);
