namespace Dispatch.Core.Registry;

/// <summary>The community's grids and buildings with their Chinese names, as an import file names them: by
/// name ("第一网格", "1号楼") or by id ("g1", "b1").</summary>
public sealed record ImportDirectory(CommunityPlaces Places, IReadOnlyDictionary<string, string> GridNames, IReadOnlyDictionary<(string GridId, string Name), string> BuildingNames)
{
    public string? GridId(string text) =>
        Places.HasGrid(text) ? text : GridNames.TryGetValue(text, out var id) ? id : null;

    public string? BuildingId(string gridId, string text) =>
        Places.HasBuilding(gridId, text) ? text : BuildingNames.TryGetValue((gridId, text), out var id) ? id : null;

    /// <summary>How an export names a grid: its Chinese name when that name reads back as this grid, its id otherwise
    /// (two grids of one name, or a name that is another grid's id).</summary>
    public string GridText(string gridId) =>
        GridNames.FirstOrDefault(p => p.Value == gridId).Key is { } name && GridId(name) == gridId ? name : gridId;

    /// <summary>How an export names a building: as <see cref="GridText"/> does a grid.</summary>
    public string BuildingText(string gridId, string buildingId) =>
        BuildingNames.FirstOrDefault(p => p.Key.GridId == gridId && p.Value == buildingId).Key.Name is { } name && BuildingId(gridId, name) == buildingId
            ? name
            : buildingId;
}
