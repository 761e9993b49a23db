namespace Dispatch.Storage;

/// <summary>社区: a community (its party committee) with a Chinese and an English name.</summary>
public sealed record Community(string CommunityId, string NameZh, string NameEn);

/// <summary>网格: a grid (grid party branch) of a community.</summary>
public sealed record Grid(string CommunityId, string GridId, string NameZh, string NameEn);

/// <summary>楼栋: a building (building party group) of a grid.</summary>
public sealed record Building(string CommunityId, string GridId, string BuildingId, string NameZh, string NameEn);

/// <summary>Community or grid staff who watch open orders and dispatch by hand. <paramref name="Phone"/> is the
/// mobile they sign in with; <paramref name="GridId"/> makes them a grid organizer (网格员), who sees that grid only.</summary>
public sealed record Organizer(string CommunityId, string OrganizerId, string Name, string? Phone = null, string? GridId = null);

/// <summary>A district administrator (区级管理员): maintains communities and reads every report.</summary>
public sealed record Administrator(string AdministratorId, string Name, string Phone);

/// <summary>A community with its grids and buildings, ordered by id.</summary>
public sealed record CommunityDirectory(Community Community, IReadOnlyList<Grid> Grids, IReadOnlyList<Building> Buildings)
{
    public IEnumerable<Building> BuildingsOf(string gridId) => Buildings.Where(b => b.GridId == gridId);
}
