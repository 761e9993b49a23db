namespace Dispatch.Storage;

/// <summary>社区: a community (its party committee) with a Chinese and an English name.</summary>
public sealed record Community(string CommunityId, string NameZh, string NameEn);

/// <summary>网格: a grid (grid party branch) of a community.</summary>
public sealed record Grid(string CommunityId, string GridId, string NameZh, string NameEn);

/// <summary>楼栋: a building (building party group) of a grid.</summary>
public sealed record Building(string CommunityId, string GridId, string BuildingId, string NameZh, string NameEn);

/// <summary>Community or grid staff who watch open orders and dispatch by hand.</summary>
public sealed record Organizer(string CommunityId, string OrganizerId, string Name);

/// <summary>A community with its grids and buildings, ordered by id.</summary>
public sealed record CommunityDirectory(Community Community, IReadOnlyList<Grid> Grids, IReadOnlyList<Building> Buildings)
{
    public IEnumerable<Building> BuildingsOf(string gridId) => Buildings.Where(b => b.GridId == gridId);
}
