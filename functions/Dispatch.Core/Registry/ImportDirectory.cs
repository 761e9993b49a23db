namespace Dispatch.Core.Registry;

/// <summary>The community's grids and buildings with their Chinese names, as an import file names them: by
/// name ("第一网格", "1号楼") or by id ("g1", "b1").</summary>
public sealed record ImportDirectory(CommunityPlaces Places, IReadOnlyDictionary<string, string> GridNames, IReadOnlyDictionary<(string GridId, string Name), string> BuildingNames)
{
    public string? GridId(string text) =>
        Places.HasGrid(text) ? text : GridNames.TryGetValue(text, out var id) ? id : null;

    public string? BuildingId(string gridId, string text) =>
        Places.HasBuilding(gridId, text) ? text : BuildingNames.TryGetValue((gridId, text), out var id) ? id : null;
}
