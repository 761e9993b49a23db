namespace Dispatch.Core.Registry;

/// <summary>The grids and buildings of one community, as the registry checks a member's home against them.</summary>
public sealed record CommunityPlaces(string CommunityId, IReadOnlySet<string> Grids, IReadOnlySet<(string GridId, string BuildingId)> Buildings)
{
    public bool HasGrid(string gridId) => Grids.Contains(gridId);

    public bool HasBuilding(string gridId, string buildingId) => Buildings.Contains((gridId, buildingId));
}
